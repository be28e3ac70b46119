package com.rolloutcontrolroom.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.credentials.KeychainStatus;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.credentials.SessionFallbackCredentialStore;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.ConnectionTester;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;

class SettingsViewModelTest {

    private static final String SECRET = "s3cr3t-Pa55";
    private static final String RUNBOOK = """
            export PGPASSWORD='%s'
            psql "postgresql://postgres.abcdef:%s@aws-1-eu-north-1.pooler.supabase.com:6543/postgres" -c "SELECT 1"
            """.formatted(SECRET, SECRET);

    @TempDir
    Path home;

    private final SessionCredentialStore credentials = new SessionCredentialStore("Test.");
    private final ConnectionPools pools = new ConnectionPools(credentials);
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private SettingsViewModel viewModel;

    private SettingsViewModel viewModel(CredentialStore store) {
        viewModel = new SettingsViewModel(new EnvironmentProfiles(home.resolve("config.json")), store, new ConnectionTester(store),
                pools, dialogs, new CurrentThreadTaskExecutor());
        viewModel.start();
        return viewModel;
    }

    @AfterEach
    void close() {
        pools.close();
    }

    @Test
    void importingTheSeedsRunbookFillsTheFormStoresThePasswordAndWarns() throws Exception {
        viewModel(credentials).runbookProperty().set(RUNBOOK);
        viewModel.form().nameProperty().set("production");

        viewModel.importRunbook();

        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.runbookProperty().get()).as("the paste is cleared").isEmpty();
        assertThat(viewModel.form().hostProperty().get()).isEqualTo("aws-1-eu-north-1.pooler.supabase.com");
        assertThat(viewModel.form().userProperty().get()).isEqualTo("postgres.abcdef");
        assertThat(viewModel.messageProperty().get()).contains(SettingsViewModel.MASK, "held this password in plain text").doesNotContain(SECRET);
        assertThat(new String(credentials.read(CredentialKey.forEnvironment("production")).orElseThrow())).isEqualTo(SECRET);
        assertThat(viewModel.profiles()).extracting(profile -> profile.name()).containsExactly("production");
        assertThat(Files.readString(home.resolve("config.json"))).doesNotContain(SECRET);
    }

    @Test
    void aKeychainThatRefusesThePasswordStillKeepsTheImportedProfileAndSaysWhatToDo() throws Exception {
        CredentialStore refusing = new CredentialStore() {
            @Override
            public void store(CredentialKey key, char[] secret) throws CredentialException {
                throw new CredentialException("The OS keychain is locked; unlock it and try again.");
            }

            @Override
            public java.util.Optional<char[]> read(CredentialKey key) {
                return java.util.Optional.empty();
            }

            @Override
            public void delete(CredentialKey key) {
            }

            @Override
            public KeychainStatus probe() {
                return credentials.probe();
            }
        };
        viewModel(refusing).runbookProperty().set(RUNBOOK);
        viewModel.form().nameProperty().set("production");

        viewModel.importRunbook();

        assertThat(viewModel.profiles()).extracting(profile -> profile.name()).containsExactly("production");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Saved environment production without its password.");
        assertThat(viewModel.errorProperty().get())
                .isEqualTo("The OS keychain is locked; unlock it and try again. Type the password in the Password field and save again.");
        assertThat(Files.readString(home.resolve("config.json"))).doesNotContain(SECRET);
    }

    @Test
    void savingMovesThePasswordToTheStoreAndClearsTheField() throws Exception {
        fill();
        viewModel.form().passwordProperty().set(SECRET);

        viewModel.save();

        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.form().passwordProperty().get()).isEmpty();
        assertThat(new String(credentials.read(CredentialKey.forEnvironment("staging")).orElseThrow())).isEqualTo(SECRET);
        assertThat(viewModel.selectedProperty().get().name()).isEqualTo("staging");
        assertThat(viewModel.messageProperty().get()).startsWith("Saved environment staging");
    }

    @Test
    void validationSaysWhichFieldToFixInOneSentence() {
        fill();
        viewModel.form().portProperty().set("54x");
        viewModel.save();
        assertThat(viewModel.errorProperty().get()).isEqualTo("The port must be a number such as 5432 or 6543.");

        viewModel.form().portProperty().set("5432");
        viewModel.form().hostProperty().set("");
        viewModel.save();
        assertThat(viewModel.errorProperty().get()).startsWith("The host of environment staging is missing");
        assertThat(viewModel.profiles()).isEmpty();
    }

    @Test
    void demoIsRefusedBecauseItIsAlwaysTheEmbeddedDatabase() {
        fill();
        viewModel.form().nameProperty().set("Demo");
        viewModel.save();
        assertThat(viewModel.errorProperty().get())
                .isEqualTo("Environment name 'demo' is reserved for the embedded demo database; choose another name.");
        assertThat(viewModel.profiles()).isEmpty();
    }

    @Test
    void testingAnUnreachableEnvironmentShowsTheFailureSentence() {
        fill();
        viewModel.form().portProperty().set("1");
        viewModel.save();

        viewModel.testConnection();

        assertThat(viewModel.errorProperty().get()).startsWith("staging: Nothing accepted a connection on 127.0.0.1:1");
    }

    @Test
    void removingDeletesTheProfileAndThePassword() throws Exception {
        fill();
        viewModel.form().passwordProperty().set(SECRET);
        viewModel.save();

        viewModel.remove();

        assertThat(viewModel.profiles()).isEmpty();
        assertThat(credentials.read(CredentialKey.forEnvironment("staging"))).isEmpty();
    }

    @Test
    void anUnavailableKeychainIsSaidInOneSentenceAndPasswordsStayInMemory() throws Exception {
        CredentialStore broken = new CredentialStore() {
            @Override public void store(CredentialKey key, char[] secret) throws CredentialException { throw new CredentialException("locked"); }
            @Override public Optional<char[]> read(CredentialKey key) throws CredentialException { throw new CredentialException("locked"); }
            @Override public void delete(CredentialKey key) throws CredentialException { throw new CredentialException("locked"); }
            @Override public KeychainStatus probe() {
                return KeychainStatus.unavailable("No OS keychain is available.");
            }
        };
        SessionFallbackCredentialStore store = new SessionFallbackCredentialStore(broken);
        viewModel(store);

        assertThat(viewModel.keychainStatusProperty().get())
                .isEqualTo("No OS keychain is available; passwords are asked once per session and kept in memory only.");
        fill();
        viewModel.form().passwordProperty().set(SECRET);
        viewModel.save();
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(new String(store.read(CredentialKey.forEnvironment("staging")).orElseThrow())).isEqualTo(SECRET);
    }

    @Test
    void savingANewProfileUnderAnExistingNameAsksFirstAndKeepsTheOldOneWhenDeclined() throws Exception {
        fill();
        viewModel.save();
        assertThat(dialogs.questions).as("a new name is saved without a question").isEmpty();

        viewModel.newProfile();
        fill();
        viewModel.form().hostProperty().set("db.example.com");
        dialogs.confirmAnswer = false;
        viewModel.save();

        assertThat(dialogs.questions).containsExactly("An environment named staging exists already; replace it with this one?");
        assertThat(Files.readString(home.resolve("config.json"))).contains("127.0.0.1").doesNotContain("db.example.com");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Environment staging was not replaced.");

        dialogs.confirmAnswer = true;
        viewModel.save();
        assertThat(Files.readString(home.resolve("config.json"))).contains("db.example.com").doesNotContain("127.0.0.1");
        assertThat(viewModel.messageProperty().get()).startsWith("Saved environment staging");
    }

    @Test
    void editingTheSelectedProfileSavesWithoutAsking() throws Exception {
        fill();
        viewModel.save();
        viewModel.form().hostProperty().set("db.example.com");

        viewModel.save();

        assertThat(dialogs.questions).isEmpty();
        assertThat(Files.readString(home.resolve("config.json"))).contains("db.example.com");
    }

    @Test
    void importingARunbookOverAnExistingNameAsksFirst() throws Exception {
        fill();
        viewModel.form().nameProperty().set("production");
        viewModel.save();
        viewModel.newProfile();
        viewModel.form().nameProperty().set("production");
        viewModel.runbookProperty().set(RUNBOOK);
        dialogs.confirmAnswer = false;

        viewModel.importRunbook();

        assertThat(dialogs.questions).containsExactly("An environment named production exists already; replace it with this one?");
        assertThat(Files.readString(home.resolve("config.json"))).contains("127.0.0.1").doesNotContain("supabase");
        assertThat(credentials.read(CredentialKey.forEnvironment("production"))).as("nor is its password replaced").isEmpty();
        assertThat(viewModel.runbookProperty().get()).as("the paste is cleared anyway: it holds a password").isEmpty();
    }

    @Test
    void aNewFormHasTheSameSslModeAsTheCommandLine() {
        viewModel(credentials);
        viewModel.newProfile();
        assertThat(viewModel.form().sslModeProperty().get()).isEqualTo(com.rolloutcontrolroom.domain.environment.SslMode.DEFAULT);
        assertThat(new ProfileForm().sslModeProperty().get()).isEqualTo(com.rolloutcontrolroom.domain.environment.SslMode.DEFAULT);
    }

    private void fill() {
        if (viewModel == null) {
            viewModel(credentials);
        }
        viewModel.form().nameProperty().set("staging");
        viewModel.form().hostProperty().set("127.0.0.1");
        viewModel.form().userProperty().set("rollout_reader");
    }
}
