package com.rolloutcontrolroom.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionFallbackCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.NoKeychain;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.CurrentRolloutModel;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;

/** The main window's state without a toolkit. */
class MainViewModelTest {

    @TempDir
    Path folder;

    private JournalAccess journal;

    @AfterEach
    void closeTheJournal() {
        if (journal != null) {
            journal.close();
        }
    }

    @Test
    void theStartUpProbeSwitchesToSessionMemoryWhenNoKeychainWorksAndSaysSoInOneSentence() throws Exception {
        NoKeychain keychain = new NoKeychain();
        SessionFallbackCredentialStore credentials = new SessionFallbackCredentialStore(keychain);
        MainViewModel viewModel = new MainViewModel("demo", "/data", "0.0.0-test", new ThemeSwitcher(), credentials,
                new CurrentThreadTaskExecutor(), currentRollout());
        assertThat(viewModel.passwordsProperty().get()).as("nothing said before the probe").isEmpty();
        assertThat(viewModel.passwordsDetailProperty().get()).isEmpty();

        viewModel.start();

        assertThat(keychain.probes()).isEqualTo(1);
        assertThat(viewModel.passwordsProperty().get())
                .isEqualTo("No OS keychain available; passwords are asked once per session and kept in memory only.");
        assertThat(viewModel.passwordsDetailProperty().get()).isEqualTo("No OS keychain is available (no Secret Service in this test); "
                + "passwords are asked once per session and kept in memory only.");
        // session mode already: the keychain would refuse this
        CredentialKey key = CredentialKey.forEnvironment("staging");
        credentials.store(key, "fake-example".toCharArray());
        assertThat(credentials.read(key)).hasValueSatisfying(read -> assertThat(new String(read)).isEqualTo("fake-example"));
        // Settings asks the same store later and gets the same sentence, without a second probe
        assertThat(credentials.probe().sentence()).isEqualTo(viewModel.passwordsDetailProperty().get());
        assertThat(keychain.probes()).isEqualTo(1);
    }

    @Test
    void whilePresentingTheTitleStatusBarAndNotificationsAreRedactedAndTurningItOffShowsThemAgain() {
        com.rolloutcontrolroom.ui.common.PresentationMode presentation = new com.rolloutcontrolroom.ui.common.PresentationMode();
        presentation.learn(java.util.List.of("staging7"));
        MainViewModel viewModel = new MainViewModel("staging7", "/home/alice/.control-room", "0.0.0-test", new ThemeSwitcher(),
                new SessionFallbackCredentialStore(new NoKeychain()), new CurrentThreadTaskExecutor(), currentRollout(), presentation);

        viewModel.togglePresenting();

        assertThat(viewModel.presentingProperty().get()).isTrue();
        assertThat(viewModel.windowTitleProperty().get()).isEqualTo("Rollout Control Room — [hidden]");
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("Data folder: [path]");
        viewModel.announce("Checkpoint T+6h could not reach db-prod-17.internal.example:6543 at 14:00 UTC.");
        assertThat(viewModel.announcementProperty().get()).isEqualTo("Checkpoint T+6h could not reach [host]:[port] at 14:00 UTC.");
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("Checkpoint T+6h could not reach [host]:[port] at 14:00 UTC.");

        viewModel.togglePresenting();

        assertThat(viewModel.windowTitleProperty().get()).isEqualTo("Rollout Control Room — staging7");
        assertThat(viewModel.statusTextProperty().get()).contains("db-prod-17.internal.example:6543");
    }

    @Test
    void aNoticeReplacesTheDataFolderInTheStatusBar() {
        MainViewModel viewModel = new MainViewModel("demo", "/data", "0.0.0-test", new ThemeSwitcher(),
                new SessionFallbackCredentialStore(new NoKeychain()), new CurrentThreadTaskExecutor(), currentRollout());
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("Data folder: /data");
        viewModel.showNotice(null);
        assertThat(viewModel.statusTextProperty().get()).as("no damage, no notice").isEqualTo("Data folder: /data");
        viewModel.showNotice("Settings file /data/settings.json is damaged, so defaults are used; fix or delete it.");
        assertThat(viewModel.statusTextProperty().get())
                .isEqualTo("Settings file /data/settings.json is damaged, so defaults are used; fix or delete it.");
    }

    @Test
    void aBackgroundFailureNoOneHandledIsShownInTheStatusBar() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        MainViewModel viewModel = new MainViewModel("demo", "/data", "0.0.0-test", new ThemeSwitcher(),
                new SessionFallbackCredentialStore(new NoKeychain()), executor, currentRollout());

        executor.execute(BackgroundTask.ofRunnable(() -> {
            throw new IllegalStateException("Settings file /data/settings.json could not be written; check its permissions.");
        }));

        assertThat(viewModel.statusTextProperty().get())
                .isEqualTo("A background task failed: Settings file /data/settings.json could not be written; check its permissions.");
    }

    @Test
    void theChooserListsTheRolloutsAndAChoiceIsRememberedInSettings() throws Exception {
        AppHome home = new AppHome(folder).ensureExists();
        journal = new JournalAccess(home);
        TestRollouts.create(journal, home, "CHECKOUT_V2", "SEARCH_V3");
        MainViewModel viewModel = new MainViewModel("demo", "/data", "0.0.0-test", new ThemeSwitcher(),
                new SessionFallbackCredentialStore(new NoKeychain()), new CurrentThreadTaskExecutor(), currentRollout());
        assertThat(viewModel.rollouts()).as("nothing read before start").isEmpty();
        assertThat(viewModel.rolloutPromptBinding().get()).isEqualTo("No rollout yet");

        viewModel.start();

        assertThat(viewModel.rollouts()).containsExactly("CHECKOUT_V2", "SEARCH_V3");
        assertThat(viewModel.currentRolloutProperty().get()).as("two rollouts, none chosen yet").isNull();
        assertThat(viewModel.rolloutPromptBinding().get()).isEqualTo("Choose a rollout");
        viewModel.currentRolloutProperty().set("SEARCH_V3");
        assertThat(viewModel.rolloutTooltipBinding().get()).isEqualTo("Current rollout: SEARCH_V3");
        assertThat(Files.readString(folder.resolve("settings.json"))).contains("\"currentRollout\" : \"SEARCH_V3\"");
    }

    @Test
    void aChoiceThatCannotBeRememberedIsSaidInTheStatusBar() throws Exception {
        AppHome home = new AppHome(folder).ensureExists();
        journal = new JournalAccess(home);
        TestRollouts.create(journal, home, "CHECKOUT_V2", "SEARCH_V3");
        Files.writeString(folder.resolve("settings.json"), "[]");
        MainViewModel viewModel = new MainViewModel("demo", "/data", "0.0.0-test", new ThemeSwitcher(),
                new SessionFallbackCredentialStore(new NoKeychain()), new CurrentThreadTaskExecutor(), currentRollout());
        viewModel.start();

        viewModel.currentRolloutProperty().set("CHECKOUT_V2");

        assertThat(viewModel.statusTextProperty().get()).isEqualTo("CHECKOUT_V2 is current for this session only: Settings file "
                + folder.resolve("settings.json") + " is damaged, so it was not changed; fix or delete it.");
    }

    /** Over this test's data folder; an empty one unless a test created rollouts. */
    private CurrentRolloutModel currentRollout() {
        AppHome home = new AppHome(folder);
        if (journal == null) {
            journal = new JournalAccess(home);
        }
        SettingsFile settings = new SettingsFile(folder.resolve("settings.json"));
        return new CurrentRolloutModel(new Rollouts(journal, new OperatorIdentity("ana", settings), Clock.systemUTC()),
                new CurrentRollout(settings), new CurrentThreadTaskExecutor());
    }
}
