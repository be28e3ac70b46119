package com.rolloutcontrolroom.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionFallbackCredentialStore;
import com.rolloutcontrolroom.testsupport.NoKeychain;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;

/** The main window's state without a toolkit. */
class MainViewModelTest {

    @Test
    void theStartUpProbeSwitchesToSessionMemoryWhenNoKeychainWorksAndSaysSoInOneSentence() throws Exception {
        NoKeychain keychain = new NoKeychain();
        SessionFallbackCredentialStore credentials = new SessionFallbackCredentialStore(keychain);
        MainViewModel viewModel = new MainViewModel("demo", "/data", "0.0.0-test", new ThemeSwitcher(), credentials,
                new CurrentThreadTaskExecutor());
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
    void aNoticeReplacesTheDataFolderInTheStatusBar() {
        MainViewModel viewModel = new MainViewModel("demo", "/data", "0.0.0-test", new ThemeSwitcher(),
                new SessionFallbackCredentialStore(new NoKeychain()), new CurrentThreadTaskExecutor());
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
                new SessionFallbackCredentialStore(new NoKeychain()), executor);

        executor.execute(BackgroundTask.ofRunnable(() -> {
            throw new IllegalStateException("Settings file /data/settings.json could not be written; check its permissions.");
        }));

        assertThat(viewModel.statusTextProperty().get())
                .isEqualTo("A background task failed: Settings file /data/settings.json could not be written; check its permissions.");
    }
}
