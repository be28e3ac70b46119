package com.rolloutcontrolroom.app;

import com.rolloutcontrolroom.services.home.AppHome;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import javafx.scene.Parent;

import com.rolloutcontrolroom.services.db.DatabaseProvider;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;
import com.rolloutcontrolroom.services.health.HealthCheckService;
import com.rolloutcontrolroom.ui.common.FxmlView;
import com.rolloutcontrolroom.ui.common.TaskExecutor;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;
import com.rolloutcontrolroom.ui.common.ViewFactory;
import com.rolloutcontrolroom.ui.dashboard.DashboardView;
import com.rolloutcontrolroom.ui.dashboard.DashboardViewModel;
import com.rolloutcontrolroom.ui.main.MainView;
import com.rolloutcontrolroom.ui.main.MainViewModel;
import com.rolloutcontrolroom.ui.main.Screen;
import com.rolloutcontrolroom.ui.main.ScreenViews;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.ui.journal.JournalControllers;
import com.rolloutcontrolroom.ui.journal.JournalViewModel;
import com.rolloutcontrolroom.ui.placeholder.PlaceholderView;
import com.rolloutcontrolroom.ui.placeholder.PlaceholderViewModel;

/**
 * The composition root of the desktop app: every service, ViewModel and View is built here, by
 * constructor, and nowhere else. Tests build it with their own database and executor.
 */
public final class ControlRoom implements AutoCloseable {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final ThemeSwitcher themeSwitcher = new ThemeSwitcher();
    private final MainViewModel mainViewModel;
    private final ViewFactory viewFactory;
    private final JournalAccess journal;

    public ControlRoom(AppHome home, DatabaseProvider demoDatabase, TaskExecutor executor, Clock clock) {
        this(home, demoDatabase, executor, clock, Screen.DASHBOARD);
    }

    public ControlRoom(AppHome home, DatabaseProvider demoDatabase, TaskExecutor executor, Clock clock, Screen firstScreen) {
        HealthCheckService healthCheck = new HealthCheckService(new ReadOnlyQuery(STATEMENT_TIMEOUT), clock);
        this.mainViewModel = new MainViewModel("demo", home.root().toString(), themeSwitcher);
        mainViewModel.navigateTo(firstScreen);
        DashboardViewModel dashboardViewModel = new DashboardViewModel(demoDatabase, healthCheck, executor, clock);
        // opened lazily by the first background read, so constructing it here does no I/O
        this.journal = new JournalAccess(home);
        JournalViewModel journalViewModel = new JournalViewModel(journal, OperatorIdentity.forCurrentUser(home), executor, clock);
        ScreenViews screenViews = new ScreenViews(this::screenView);
        Map<Class<?>, Supplier<?>> controllers = new HashMap<>(JournalControllers.of(journalViewModel));
        controllers.put(MainView.class, () -> new MainView(mainViewModel, screenViews));
        controllers.put(DashboardView.class, () -> new DashboardView(dashboardViewModel));
        this.viewFactory = new ViewFactory(controllers);
    }

    public ThemeSwitcher themeSwitcher() {
        return themeSwitcher;
    }

    public MainViewModel mainViewModel() {
        return mainViewModel;
    }

    public Parent mainView() {
        return viewFactory.load(FxmlView.MAIN);
    }

    private Parent screenView(Screen screen) {
        if (screen == Screen.DASHBOARD) {
            return viewFactory.load(FxmlView.DASHBOARD);
        }
        if (screen == Screen.JOURNAL) {
            return viewFactory.load(FxmlView.JOURNAL);
        }
        return viewFactory.load(FxmlView.PLACEHOLDER, new PlaceholderView(new PlaceholderViewModel(screen.title(), screen.purpose())));
    }

    /** Blocking (waits for an append in flight to finish): call it off the FX thread, on exit. */
    @Override
    public void close() {
        journal.close();
    }
}
