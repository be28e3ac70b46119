package com.rolloutcontrolroom.app;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Parent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.rollout.RolloutView;
import com.rolloutcontrolroom.ui.rollout.RolloutViewModel;

import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.db.DatabaseProvider;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.ConnectionTester;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.health.HealthCheckService;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.WindowMetricsReader;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.FxDialogService;
import com.rolloutcontrolroom.ui.common.FxmlView;
import com.rolloutcontrolroom.ui.common.TaskExecutor;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;
import com.rolloutcontrolroom.ui.common.ViewFactory;
import com.rolloutcontrolroom.ui.dashboard.DashboardView;
import com.rolloutcontrolroom.ui.dashboard.DashboardViewModel;
import com.rolloutcontrolroom.ui.journal.JournalControllers;
import com.rolloutcontrolroom.ui.journal.JournalViewModel;
import com.rolloutcontrolroom.ui.main.MainView;
import com.rolloutcontrolroom.ui.main.MainViewModel;
import com.rolloutcontrolroom.ui.main.Screen;
import com.rolloutcontrolroom.ui.main.ScreenViews;
import com.rolloutcontrolroom.ui.placeholder.PlaceholderView;
import com.rolloutcontrolroom.ui.placeholder.PlaceholderViewModel;
import com.rolloutcontrolroom.ui.queries.QueriesView;
import com.rolloutcontrolroom.ui.queries.QueriesViewModel;
import com.rolloutcontrolroom.ui.queries.QueryCatalogView;
import com.rolloutcontrolroom.ui.settings.OperatorView;
import com.rolloutcontrolroom.ui.settings.OperatorViewModel;
import com.rolloutcontrolroom.ui.settings.SettingsView;
import com.rolloutcontrolroom.ui.settings.SettingsViewModel;

/**
 * The composition root of the desktop app: every service, ViewModel and View is built here, by
 * constructor, and nowhere else. Tests build it with their own database, credentials and executor.
 * Constructing it opens nothing: the journal, pools and demo database open on first background use
 * (it only reads the built-in SQL from the class path, as FXML is).
 */
public final class ControlRoom implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlRoom.class);
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final ThemeSwitcher themeSwitcher = new ThemeSwitcher();
    private final MainViewModel mainViewModel;
    private final DashboardViewModel dashboardViewModel;
    private final ViewFactory viewFactory;
    private final ConnectionPools connectionPools;
    private final JournalAccess journal;
    /** Null until read at start: the Rollout screen then stays quiet rather than saying there is none. */
    private final StringProperty currentRollout = new SimpleStringProperty();
    private final RolloutViewModel rolloutViewModel;
    private final CurrentRollout currentRolloutReader;
    private final Rollouts rollouts;
    private final TaskExecutor executor;
    private Parent mainRoot;

    /** With no keychain for the journal: it is written unsigned. */
    public ControlRoom(AppHome home, DatabaseProvider demoDatabase, CredentialStore credentials, TaskExecutor executor, Clock clock) {
        this(home, demoDatabase, credentials, executor, clock, Screen.DASHBOARD,
                JournalKeys.none("No keychain was given to this journal."));
    }

    /**
     * @param credentials the keychain, falling back to memory for the session when its probe fails
     *        ({@code SessionFallbackCredentialStore} in the app)
     * @param journalKeys the keychain itself, without that fallback: a signing key kept in memory would
     *        die with the session and leave a signed journal nobody can continue
     */
    public ControlRoom(AppHome home, DatabaseProvider demoDatabase, CredentialStore credentials, TaskExecutor executor,
                       Clock clock, Screen firstScreen, JournalKeys journalKeys) {
        this.mainViewModel = new MainViewModel("demo", home.root().toString(), AppVersion.current(), themeSwitcher, credentials, executor);
        mainViewModel.navigateTo(firstScreen);
        HealthCheckService healthCheck = HealthCheckService.withBuiltInQuery(new ReadOnlyQuery(STATEMENT_TIMEOUT), clock);
        QuerySetLoader querySets = new QuerySetLoader(new QueryFileParser(), home.userQueries());
        WindowMetricsReader windowMetrics = new WindowMetricsReader(new QueryRunner(STATEMENT_TIMEOUT, clock),
                () -> querySets.load().querySet());
        this.connectionPools = new ConnectionPools(credentials);
        EnvironmentProfiles profiles = new EnvironmentProfiles(home.config());
        EnvironmentCatalog environments = new EnvironmentCatalog(demoDatabase, profiles, connectionPools, credentials);
        DialogService dialogs = new FxDialogService(() -> mainRoot == null ? null : mainRoot.getScene().getWindow());
        this.dashboardViewModel = new DashboardViewModel(environments, healthCheck, windowMetrics, dialogs, executor, clock);
        SettingsViewModel settingsViewModel = new SettingsViewModel(profiles, credentials,
                new ConnectionTester(credentials), connectionPools, dialogs, executor);
        this.journal = new JournalAccess(home, journalKeys);
        OperatorIdentity operator = OperatorIdentity.forCurrentUser(home);
        OperatorViewModel operatorViewModel = new OperatorViewModel(operator, executor);
        JournalViewModel journalViewModel = new JournalViewModel(journal, operator, environments::names, executor, dialogs, clock);
        Rollouts rollouts = new Rollouts(journal, operator, clock);
        this.rolloutViewModel = new RolloutViewModel(rollouts, operator, currentRollout, executor, dialogs, clock);
        this.currentRolloutReader = new CurrentRollout(new SettingsFile(home.root().resolve("settings.json")));
        this.rollouts = rollouts;
        this.executor = executor;
        QueriesViewModel queriesViewModel = QueriesScreen.viewModel(querySets, operator, environments, journal, dialogs, executor, clock);

        ScreenViews screenViews = new ScreenViews(this::screenView);
        Map<Class<?>, Supplier<?>> controllers = new HashMap<>(JournalControllers.of(journalViewModel));
        controllers.put(MainView.class, () -> new MainView(mainViewModel, screenViews));
        controllers.put(DashboardView.class, () -> new DashboardView(dashboardViewModel));
        controllers.put(SettingsView.class, () -> new SettingsView(settingsViewModel));
        controllers.put(OperatorView.class, () -> new OperatorView(operatorViewModel));
        controllers.put(QueriesView.class, () -> new QueriesView(queriesViewModel));
        controllers.put(RolloutView.class, () -> new RolloutView(rolloutViewModel));
        controllers.put(QueryCatalogView.class, () -> new QueryCatalogView(queriesViewModel.catalog()));
        this.viewFactory = new ViewFactory(controllers);
    }

    public ThemeSwitcher themeSwitcher() {
        return themeSwitcher;
    }

    public MainViewModel mainViewModel() {
        return mainViewModel;
    }

    /**
     * Starts the first background work once the window is up: the keychain probe (so a missing
     * keychain switches passwords to memory before anything needs one), connecting, the first health check.
     */
    public void start() {
        mainViewModel.start();
        dashboardViewModel.start();
        // until the header chooses the current rollout: the remembered one, else the only one, else none
        executor.execute(BackgroundTask.of(() -> {
                    try {
                        return currentRolloutReader.resolve(null, rollouts.names());
                    } catch (MoveRefused noneToTell) {
                        return "";
                    }
                })
                .onSuccess(currentRollout::set)
                .onFailure(failure -> LOG.warn("The current rollout could not be read", failure)));
    }

    public Parent mainView() {
        mainRoot = viewFactory.load(FxmlView.MAIN);
        return mainRoot;
    }

    private Parent screenView(Screen screen) {
        return switch (screen) {
            case DASHBOARD -> viewFactory.load(FxmlView.DASHBOARD);
            case JOURNAL -> viewFactory.load(FxmlView.JOURNAL);
            case SETTINGS -> viewFactory.load(FxmlView.SETTINGS);
            case QUERIES -> viewFactory.load(FxmlView.QUERIES);
            case ROLLOUT -> viewFactory.load(FxmlView.ROLLOUT);
            default -> viewFactory.load(FxmlView.PLACEHOLDER, new PlaceholderView(new PlaceholderViewModel(screen.title(), screen.purpose())));
        };
    }

    /** Blocking (pools close, the journal may wait for an append in flight): call it off the FX thread, on exit. */
    @Override
    public void close() {
        connectionPools.close();
        journal.close();
    }
}
