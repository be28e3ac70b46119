package com.rolloutcontrolroom.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.ConnectionTester;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;

/** Testing a connection whose role can write shows each finding and the SQL for a read-only role under the result. */
@ExtendWith(PasswordPostgresExtension.class)
class SettingsRoleWarningTest {

    private final PasswordPostgres postgres;
    private final SessionCredentialStore credentials = new SessionCredentialStore("Test.");
    private final ConnectionPools pools = new ConnectionPools(credentials);
    private final SettingsViewModel viewModel;

    SettingsRoleWarningTest(PasswordPostgres postgres, @TempDir Path folder) {
        this.postgres = postgres;
        this.viewModel = new SettingsViewModel(new EnvironmentProfiles(folder.resolve("config.json")), credentials,
                new ConnectionTester(credentials), pools, new ScriptedDialogs(), new CurrentThreadTaskExecutor());
        viewModel.start();
    }

    @AfterEach
    void close() {
        pools.close();
    }

    private void save(boolean requireReadOnlyRole) {
        ProfileForm form = viewModel.form();
        form.nameProperty().set("staging");
        form.hostProperty().set(PasswordPostgres.HOST);
        form.portProperty().set(String.valueOf(postgres.port()));
        form.databaseProperty().set(PasswordPostgres.DATABASE);
        form.userProperty().set(PasswordPostgres.ROLE);
        form.sslModeProperty().set(com.rolloutcontrolroom.domain.environment.SslMode.DISABLE);
        form.passwordProperty().set(postgres.password());
        form.requireReadOnlyRoleProperty().set(requireReadOnlyRole);
        viewModel.save();
    }

    @Test
    void aRoleThatCanWriteIsAVisibleWarningWithTheRoleSql() {
        save(false);
        viewModel.testConnection();

        assertThat(viewModel.messageProperty().get()).startsWith("staging: Connected to PostgreSQL 17.");
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.roleWarningsProperty().get()).startsWith(
                "Warning: Role rollout_reader holds INSERT, UPDATE, DELETE, TRUNCATE on public.observability_events")
                .endsWith("Create a read-only role with the SQL below, then connect as it.");
        assertThat(viewModel.roleSqlProperty().get()).contains("GRANT SELECT ON public.observability_events TO rollout_reader;");
    }

    @Test
    void theCheckboxMakesItAnError() {
        save(true);
        assertThat(viewModel.profiles()).singleElement().satisfies(profile -> assertThat(profile.requireReadOnlyRole()).isTrue());
        viewModel.testConnection();

        assertThat(viewModel.errorProperty().get()).startsWith("staging: Environment staging requires a read-only role, and role rollout_reader");
        assertThat(viewModel.roleSqlProperty().get()).isNotEmpty();
    }
}
