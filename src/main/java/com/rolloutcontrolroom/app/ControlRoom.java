package com.rolloutcontrolroom.app;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.Parent;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.ui.rollout.DeploymentViewModel;
import com.rolloutcontrolroom.ui.rollout.RolloutControllers;
import com.rolloutcontrolroom.ui.rollout.RolloutViewModel;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.deploy.DeploySettings;
import com.rolloutcontrolroom.services.deploy.Deployments;
import com.rolloutcontrolroom.services.deploy.VercelCliSetup;
import com.rolloutcontrolroom.services.db.DatabaseProvider;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.ConnectionTester;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.environment.SensitiveWords;
import com.rolloutcontrolroom.services.demo.DemoHistory;
import com.rolloutcontrolroom.services.demo.DemoStorySource;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.home.Workspace;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.notify.NoticeFanOut;
import com.rolloutcontrolroom.services.notify.NoticeSink;
import com.rolloutcontrolroom.services.notify.WebhookNotifier;
import com.rolloutcontrolroom.services.notify.WebhookPoster;
import com.rolloutcontrolroom.services.schedule.ScheduleKeeper;
import com.rolloutcontrolroom.services.schedule.Scheduler;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.WindowMetricsReader;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.CurrentRolloutModel;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.FailureSentence;
import com.rolloutcontrolroom.ui.common.FxDialogService;
import com.rolloutcontrolroom.ui.common.FxmlView;
import com.rolloutcontrolroom.ui.common.Lazy;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.PresentationWords;
import com.rolloutcontrolroom.ui.common.TaskExecutor;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;
import com.rolloutcontrolroom.ui.common.ViewFactory;
import com.rolloutcontrolroom.ui.dashboard.DashboardView;
import com.rolloutcontrolroom.ui.dashboard.DashboardSources;
import com.rolloutcontrolroom.ui.dashboard.DashboardViewModel;
import com.rolloutcontrolroom.services.chart.ChartPngExporter;
import com.rolloutcontrolroom.ui.journal.JournalControllers;
import com.rolloutcontrolroom.ui.journal.EvidenceViewModel;
import com.rolloutcontrolroom.ui.journal.JournalViewModel;
import com.rolloutcontrolroom.services.evidence.BundleVerifier;
import com.rolloutcontrolroom.services.evidence.EvidenceExport;
import com.rolloutcontrolroom.services.evidence.EvidenceExporter;
import com.rolloutcontrolroom.services.report.VerificationReportWriter;
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

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SCHEDULE_TICK = Duration.ofSeconds(20);

    private final ThemeSwitcher themeSwitcher = new ThemeSwitcher();
    /** The one presentation mode of the window: every ViewModel that makes text routes it through this. */
    private final PresentationMode presentation = new PresentationMode();
    private final PresentationWords presentationWords;
    private final MainViewModel mainViewModel;
    private final DashboardViewModel dashboardViewModel;
    private final ViewFactory viewFactory;
    private final ConnectionPools connectionPools;
    private final JournalAccess journal;
    private final CurrentRolloutModel currentRollout;
    private final AppHome home;
    private final Clock clock;
    private final TaskExecutor executor;
    private final Workspace workspace;
    private final DemoStorySource demoStory;
    private final Lazy<RolloutViewModel> rolloutViewModel;
    /** The user's own journal, opened only by the demo window's New rollout…; null otherwise (closed on the shutdown thread). */
    private volatile JournalAccess ownJournal;
    private Parent mainRoot;
    private MainView mainFrame;
    private final ScreenViews screenViews;
    private boolean screenAfterFirstFrame;
    private final ScheduleKeeper scheduleKeeper;
    private final java.util.concurrent.ExecutorService webhookThread = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook");
        thread.setDaemon(true);
        return thread;
    });

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
        this(home, demoDatabase, credentials, executor, clock, firstScreen, journalKeys, Workspace.REAL, () -> {
            throw new IllegalStateException("This window is not on the demo workspace.");
        });
    }

    /**
     * @param workspace the user's rollouts or the demo's: which journal every screen reads and writes
     * @param demoStory the demo database's timeline, which the demo rollout's history follows
     */
    public ControlRoom(AppHome home, DatabaseProvider demoDatabase, CredentialStore credentials, TaskExecutor executor,
                       Clock clock, Screen firstScreen, JournalKeys journalKeys, Workspace workspace, DemoStorySource demoStory) {
        this.home = home;
        this.clock = clock;
        this.executor = executor;
        this.workspace = workspace;
        this.demoStory = demoStory;
        this.journal = new JournalAccess(home, workspace, journalKeys);
        OperatorIdentity operator = OperatorIdentity.forCurrentUser(home);
        // one current rollout for the whole window: the header chooses it, every screen records to it
        Rollouts rollouts = new Rollouts(journal, operator, clock);
        this.currentRollout = new CurrentRolloutModel(rollouts,
                new CurrentRollout(new SettingsFile(workspace.rolloutSettings(home))), executor);
        this.mainViewModel = new MainViewModel(workspace == Workspace.DEMO ? EnvironmentProfile.DEMO_NAME : null, home.root().toString(), AppVersion.current(), themeSwitcher,
                credentials, executor, currentRollout, presentation);
        mainViewModel.navigateTo(firstScreen);
        QuerySetLoader querySets = new QuerySetLoader(new QueryFileParser(), home.userQueries());
        WindowMetricsReader windowMetrics = new WindowMetricsReader(new QueryRunner(STATEMENT_TIMEOUT, clock),
                () -> querySets.load().querySet());
        this.connectionPools = new ConnectionPools(credentials);
        EnvironmentProfiles profiles = new EnvironmentProfiles(home.config());
        this.presentationWords = new PresentationWords(new SensitiveWords(profiles, home.root())::read, presentation, executor);
        EnvironmentCatalog environments = new EnvironmentCatalog(demoDatabase, profiles, connectionPools, credentials);
        DialogService dialogs = new FxDialogService(() -> mainRoot == null ? null : mainRoot.getScene().getWindow(), presentation);
        this.dashboardViewModel = new DashboardViewModel(new DashboardSources(rollouts, environments, windowMetrics,
                QueriesScreen.recording(environments, journal, operator, clock), () -> querySets.load().querySet(),
                new ChartPngExporter()), currentRollout.currentOnceRead(), dialogs, executor, clock, presentation);
        // the other screens' ViewModels are built when their screen first opens
        Lazy<SettingsViewModel> settingsViewModel = Lazy.of(() -> new SettingsViewModel(profiles, credentials,
                new ConnectionTester(credentials), connectionPools, dialogs, executor, presentation, presentationWords::refresh));
        Lazy<OperatorViewModel> operatorViewModel = Lazy.of(() -> new OperatorViewModel(operator, executor, presentation));
        Lazy<JournalViewModel> journalViewModel = Lazy.of(() -> new JournalViewModel(journal, operator, environments::names,
                executor, dialogs, clock, currentRollout.current(), presentation));
        Lazy<EvidenceViewModel> evidenceViewModel = Lazy.of(() -> new EvidenceViewModel(new EvidenceExport(journal,
                new EvidenceExporter(new VerificationReportWriter(), "Rollout Control Room " + AppVersion.current())),
                new BundleVerifier(new VerificationReportWriter()), executor, dialogs, currentRollout.current()));
        Lazy<QueriesViewModel> queriesViewModel = Lazy.of(() -> QueriesScreen.viewModel(querySets, operator, environments, journal,
                dialogs, executor, clock, currentRollout.current(), presentation));
        this.rolloutViewModel = Lazy.of(() -> workspace == Workspace.DEMO
                ? demoRolloutViewModel(home, journalKeys, rollouts, operator, environments, dialogs, executor, clock)
                : new RolloutViewModel(rollouts, operator, currentRollout.currentOnceRead(), executor, dialogs, clock,
                        environments::names, currentRollout::makeCurrent, presentation));
        // the rollouts the window shows (the demo's in the demo window), with the settings beside their current one
        Lazy<DeploymentViewModel> deploymentViewModel = Lazy.of(() -> new DeploymentViewModel(new Deployments(rollouts,
                new DeploySettings(new SettingsFile(workspace.rolloutSettings(home))), credentials, VercelCliSetup::forThisMachine),
                currentRollout.currentOnceRead(), executor, dialogs, presentation, () -> rolloutViewModel.get().reload()));

        this.screenViews = new ScreenViews(this::screenView);
        Map<Class<?>, Supplier<?>> controllers = new HashMap<>(JournalControllers.of(journalViewModel, evidenceViewModel));
        controllers.put(DashboardView.class, () -> new DashboardView(dashboardViewModel));
        controllers.put(SettingsView.class, () -> new SettingsView(settingsViewModel.get()));
        controllers.put(OperatorView.class, () -> new OperatorView(operatorViewModel.get()));
        controllers.put(QueriesView.class, () -> new QueriesView(queriesViewModel.get()));
        controllers.putAll(RolloutControllers.of(rolloutViewModel, deploymentViewModel));
        controllers.put(QueryCatalogView.class, () -> new QueryCatalogView(queriesViewModel.get().catalog()));
        this.viewFactory = new ViewFactory(controllers);
        // notices reach the window through the one door to the FX thread, and the webhook on its own thread
        NoticeSink inWindow = notice -> executor.execute(BackgroundTask.of(notice::text).onSuccess(mainViewModel::announce));
        this.scheduleKeeper = new ScheduleKeeper(journal, rollouts,
                Scheduler.of(rollouts, journal, environments, () -> querySets.load().querySet(), operator, STATEMENT_TIMEOUT, clock),
                clock, new NoticeFanOut(List.of(inWindow,
                        new WebhookNotifier(new WebhookPoster(credentials, WebhookPoster.DEFAULT_TIMEOUT), webhookThread))),
                Optional.empty());
    }

    public ThemeSwitcher themeSwitcher() {
        return themeSwitcher;
    }

    /** Presentation mode of this window: what every screen passes its text through. */
    public PresentationMode presentation() {
        return presentation;
    }

    public MainViewModel mainViewModel() {
        return mainViewModel;
    }

    /** The window's current rollout, shared by every screen (and what the Rollout screen follows). */
    public CurrentRolloutModel currentRollout() {
        return currentRollout;
    }

    /**
     * Starts the first background work once the window is up: the keychain probe (so a missing
     * keychain switches passwords to memory before anything needs one), connecting, the first health check.
     */
    public void start() {
        if (workspace == Workspace.DEMO) {
            recordDemoHistory();
        }
        presentationWords.refresh();
        mainViewModel.start();
        dashboardViewModel.start();
    }

    /**
     * The demo window's Rollout screen: it shows the demo, but New rollout… creates the user's own rollout among
     * theirs (never in the demo's journal), makes it their current one and says how to open it.
     */
    private RolloutViewModel demoRolloutViewModel(AppHome home, JournalKeys journalKeys, Rollouts demoRollouts,
                                                  OperatorIdentity operator, EnvironmentCatalog environments,
                                                  DialogService dialogs, TaskExecutor executor, Clock clock) {
        this.ownJournal = new JournalAccess(home, Workspace.REAL, journalKeys);
        CurrentRollout ownCurrent = new CurrentRollout(new SettingsFile(Workspace.REAL.rolloutSettings(home)));
        return new RolloutViewModel(demoRollouts, operator, currentRollout.currentOnceRead(), executor, dialogs, clock,
                environments::names, created -> executor.execute(BackgroundTask.ofRunnable(() -> ownCurrent.remember(created))
                        .onSuccess(done -> mainViewModel.showNotice("Created " + created + " among your own rollouts, apart from"
                                + " the demo: start Rollout Control Room without --demo to work on it."))),
                new Rollouts(ownJournal, operator, clock), presentation);
    }

    /**
     * Keeps this workspace's monitoring schedule while the window is open, unless another process ({@code watch})
     * already does; then it takes over when that one stops.
     */
    public void keepSchedule() {
        scheduleKeeper.start(SCHEDULE_TICK, failure -> executor.execute(BackgroundTask.of(() -> failure)
                .onSuccess(f -> mainViewModel.showNotice("The monitoring schedule could not be kept this time: "
                        + FailureSentence.of(f)))),
                // a checkpoint just written would make the Rollout screen's next move "changed elsewhere": read it again
                written -> executor.execute(BackgroundTask.of(() -> written).onSuccess(w -> {
                    rolloutViewModel.ifBuilt(RolloutViewModel::reload);
                    dashboardViewModel.reload();
                })));
    }

    /** On a fresh data folder the demo opens on its rollout under way: recorded once, into the demo's journal only. */
    private void recordDemoHistory() {
        executor.execute(BackgroundTask.of(() -> DemoHistory.of(home, journal, clock).recordOnce(demoStory.story()))
                // the header may have read the rollouts before the history landed
                .onSuccess(recorded -> currentRollout.refresh())
                .onFailure(failure -> mainViewModel.showNotice("The demo rollout's history could not be recorded: "
                        + FailureSentence.of(failure))));
    }

    public Parent mainView() {
        mainFrame = new MainView(mainViewModel, screenViews, screenAfterFirstFrame);
        mainRoot = mainFrame.build();
        return mainRoot;
    }

    /**
     * The window's frame without its screen, which {@link #showSelectedScreen()} adds: the app draws the frame
     * first and builds the screen at the next pulse, so the window appears sooner.
     */
    public Parent mainFrameOnly() {
        screenAfterFirstFrame = true;
        return mainView();
    }

    public void showSelectedScreen() {
        mainFrame.showSelectedScreen();
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
        scheduleKeeper.close();
        webhookThread.shutdown();
        connectionPools.close();
        journal.close();
        if (ownJournal != null) {
            ownJournal.close();
        }
    }
}
