package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.credentials.KeychainStatus;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.testsupport.NoKeychain;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;

import picocli.CommandLine;

/**
 * An environment whose server asks for no password (trust, peer or certificate authentication)
 * works on a machine with no OS keychain; only a server that does ask makes the keychain's absence
 * the reason, in one sentence.
 */
@ExtendWith(PasswordPostgresExtension.class)
class NoPasswordNoKeychainTest {

    /** The embedded server trusts the superuser over TCP: no password is asked. */
    @RegisterExtension
    static final EmbeddedPostgresExtension trusting = new EmbeddedPostgresExtension();

    @TempDir
    Path folder;

    private final CountingNoKeychain keychain = new CountingNoKeychain();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void addingTestingAndRunningAnEnvironmentWithoutAPasswordNeedsNoKeychain() throws Exception {
        new ObservabilityFixture(trusting.dataSource()).coordinator("coordinator.start", null, 5);
        String url = "postgresql://postgres@127.0.0.1:" + trusting.port() + "/" + trusting.databaseName();

        assertThat(run("env", "add", "trusted", "--url", url)).as(err.toString()).isZero();
        assertThat(keychain.calls).as("env add without a password never touches the keychain").isEmpty();

        assertThat(run("env", "test", "trusted")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("trusted: Connected to PostgreSQL 17.");

        TestRollouts.create(new AppHome(folder), keychain, TestRollouts.ROLLOUT);
        assertThat(run("run", "--env", "trusted", "--suite", "quick")).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("No OS keychain is available (no Secret Service in this test).");
    }

    @Test
    void aServerThatAsksForAPasswordNamesTheMissingKeychainAsTheReason(PasswordPostgres postgres) {
        String url = "postgresql://" + PasswordPostgres.ROLE + "@127.0.0.1:" + postgres.port() + "/" + PasswordPostgres.DATABASE;
        assertThat(run("env", "add", "staging", "--url", url)).isZero();

        assertThat(run("env", "test", "staging")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("control-room: staging: Environment staging needs a password and no OS keychain is"
                + " available (no Secret Service in this test).\n");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = ControlRoomCli.create(new AppHome(folder), () -> { }, keychain, new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** {@link NoKeychain}, recording which environment items were asked for (the journal's own items aside). */
    private static final class CountingNoKeychain implements CredentialStore {
        private final NoKeychain none = new NoKeychain();
        final List<String> calls = new ArrayList<>();

        @Override
        public void store(CredentialKey key, char[] secret) throws CredentialException {
            record("store", key);
            none.store(key, secret);
        }

        @Override
        public Optional<char[]> read(CredentialKey key) throws CredentialException {
            record("read", key);
            return none.read(key);
        }

        @Override
        public void delete(CredentialKey key) throws CredentialException {
            record("delete", key);
            none.delete(key);
        }

        @Override
        public KeychainStatus probe() {
            return none.probe();
        }

        private synchronized void record(String call, CredentialKey key) {
            if (key.account().startsWith("env:")) {
                calls.add(call + " " + key.account());
            }
        }
    }
}
