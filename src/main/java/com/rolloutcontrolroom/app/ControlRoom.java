package com.rolloutcontrolroom.app;

import com.rolloutcontrolroom.services.home.AppHome;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import javafx.scene.Parent;

import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.db.DatabaseProvider;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.ConnectionTester;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.health.HealthCheckService;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.ui.common.FxDialogService;
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
import com.rolloutcontrolroom.ui.placeholder.PlaceholderView;
import com.rolloutcontrolroom.ui.placeholder.PlaceholderViewModel;
import com.rolloutcontrolroom.ui.queries.QueriesView;
import com.rolloutcontrolroom.ui.queries.QueriesViewModel;
import com.rolloutcontrolroom.ui.queries.QueryCatalogView;
import com.rolloutcontrolroom.ui.settings.SettingsView;
import com.rolloutcontrolroom.ui.settings.SettingsViewModel;

/**
 * The composition root of the desktop app: every service, ViewModel and View is built here, by
 * constructor, and nowhere else. Tests build it with their own database and executor.
 */
public final class ControlRoom implements AutoCloseable {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final ThemeSwitcher themeSwitcher = new ThemeSwitcher();
    private final MainViewModel mainViewModel;
    private final ViewFactory viewFactory;
    private final DashboardViewModel dashboardViewModel;
    private final ConnectionPools connectionPools;
    private final JournalAccess journal;
    private Parent mainRoot;

    /**
     * @param credentials the keychain, falling back to memory for the session when its probe fails
     *        ({@code SessionFallbackCredentialStore} in the app)
     */
    public ControlRoom(AppHome home, DatabaseProvider demoDatabase, CredentialStore credentials, TaskExecutor executor, Clock clock) {
        HealthCheckService healthCheck = new HealthCheckService(new ReadOnlyQuery(STATEMENT_TIMEOUT), clock);
        this.mainViewModel = new MainViewModel("demo", home.root().toString(), themeSwitcher);
        this.dashboardViewModel = new DashboardViewModel(demoDatabase, healthCheck, executor, clock);
        this.connectionPools = new ConnectionPools(credentials);
        EnvironmentProfiles profiles = new EnvironmentProfiles(home.config());
        SettingsViewModel settingsViewModel = new SettingsViewModel(profiles, credentials,
                new ConnectionTester(credentials), connectionPools, executor);
        this.journal = new JournalAccess(home);
        QueriesViewModel queriesViewModel = QueriesScreen.viewModel(home, new EnvironmentCatalog(demoDatabase, profiles, connectionPools),
                journal, new FxDialogService(() -> mainRoot == null ? null : mainRoot.getScene().getWindow()), executor, clock);
        ScreenViews screenViews = new ScreenViews(this::screenView);
        this.viewFactory = new ViewFactory(Map.<Class<?>, Supplier<?>>of(
                MainView.class, () -> new MainView(mainViewModel, screenViews),
                DashboardView.class, () -> new DashboardView(dashboardViewModel),
                SettingsView.class, () -> new SettingsView(settingsViewModel),
                QueriesView.class, () -> new QueriesView(queriesViewModel),
                QueryCatalogView.class, () -> new QueryCatalogView(queriesViewModel.catalog())));
    }

    public ThemeSwitcher themeSwitcher() {
        return themeSwitcher;
    }

    public MainViewModel mainViewModel() {
        return mainViewModel;
    }

    /** Starts the first background work (connecting, the first health check) once the window is up. */
    public void start() {
        dashboardViewModel.refresh();
    }

    public Parent mainView() {
        mainRoot = viewFactory.load(FxmlView.MAIN);
        return mainRoot;
    }

    private Parent screenView(Screen screen) {
        if (screen == Screen.DASHBOARD) {
            return viewFactory.load(FxmlView.DASHBOARD);
        }
        if (screen == Screen.SETTINGS) {
            return viewFactory.load(FxmlView.SETTINGS);
        }
        if (screen == Screen.QUERIES) {
            return viewFactory.load(FxmlView.QUERIES);
        }
        return viewFactory.load(FxmlView.PLACEHOLDER, new PlaceholderView(new PlaceholderViewModel(screen.title(), screen.purpose())));
    }

    /** Closes the environments' connection pools and the journal; called once when the window closes. */
    @Override
    public void close() {
        connectionPools.close();
        journal.close();
    }
}
