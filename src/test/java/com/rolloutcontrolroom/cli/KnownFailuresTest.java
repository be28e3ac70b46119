package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;

import picocli.CommandLine;

/**
 * The failures a user meets with environments, walked through the CLI's entry point: each ends
 * with exactly one line on stderr, the sentence naming what to fix, with no Java class name and
 * nothing of the connection pool, and the documented exit code (2 bad input, 1 a failed check).
 * The database going away mid-run is {@link LostConnectionRunTest}'s.
 */
@ExtendWith(PasswordPostgresExtension.class)
class KnownFailuresTest {

    @TempDir
    Path folder;

    private final PasswordPostgres postgres;
    private final SessionCredentialStore credentials = new SessionCredentialStore("Test.");
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    KnownFailuresTest(PasswordPostgres postgres) {
        this.postgres = postgres;
    }

    /** A run records to a rollout; without one it would be refused before reaching what these tests are about. */
    @BeforeEach
    void createARollout() {
        TestRollouts.create(new AppHome(folder).ensureExists(), credentials, TestRollouts.ROLLOUT);
    }

    @Test
    void aCorruptConfigFileIsBadInputNamingTheFileAndWhereToFixIt() throws Exception {
        AppHome home = new AppHome(folder).ensureExists();
        Files.writeString(home.config(), "{\"environments\": [\n  {\"name\": \"staging\",, }\n]}\n");
        String sentence = "control-room: The config file " + home.config() + " is not valid JSON (line 2, column 22);"
                + " fix it there, or move it away and add the environments again (env add or Settings).";

        assertThat(run("env", "list")).isEqualTo(2);
        assertOneSentence(sentence);

        assertThat(run("run", "--env", "staging")).isEqualTo(2);
        assertOneSentence(sentence);
    }

    @Test
    void anInvalidEnvironmentInTheConfigFileIsBadInputNamingTheFileAndTheField() throws Exception {
        AppHome home = new AppHome(folder).ensureExists();
        Files.writeString(home.config(), """
                {"environments":[{"name":"staging","host":"","port":5432,"database":"postgres","user":"reader"}]}""");

        assertThat(run("env", "list")).isEqualTo(2);
        assertOneSentence("control-room: The config file " + home.config() + " holds an invalid environment: the host of environment"
                + " staging is missing or contains spaces; type a host name such as db.example.com.");
    }

    @Test
    void anUnknownHostNamesTheHostToCheck() {
        add("postgresql://reader@nowhere.invalid:5432/postgres");
        String sentence = "control-room: staging: The host \"nowhere.invalid\" is unknown (DNS found no address);"
                + " check the host name of environment staging.";

        assertThat(run("env", "test", "staging")).isEqualTo(1);
        assertOneSentence(sentence);

        assertThat(run("run", "--env", "staging", "--suite", "quick")).isEqualTo(1);
        assertOneSentence(sentence.replace("staging: The", "No query ran on staging: The"));
    }

    @Test
    void aRefusedPasswordNamesTheEnvironmentWhosePasswordToStore() {
        assertThat(runWithStdin("wrong-password\n", "env", "add", "staging", "--url", "postgresql://" + PasswordPostgres.ROLE + "@127.0.0.1:"
                + postgres.port() + "/" + PasswordPostgres.DATABASE, "--password-stdin")).isZero();
        String sentence = "PostgreSQL rejected the password for user rollout_reader on 127.0.0.1:" + postgres.port()
                + "; store the right password for environment staging.";

        assertThat(run("env", "test", "staging")).isEqualTo(1);
        assertOneSentence("control-room: staging: " + sentence);

        assertThat(run("run", "--env", "staging", "--suite", "quick")).isEqualTo(1);
        assertOneSentence("control-room: No query ran on staging: " + sentence);
    }

    /** A socket that is listening but never answers: the connection is accepted by the kernel, and then nothing. */
    @Test
    void aServerThatNeverAnswersIsAConnectTimeoutAboutTheNetworkNotTheStatementTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            add("postgresql://reader@127.0.0.1:" + silent.getLocalPort() + "/postgres");
            String sentence = "Nothing answered a connection to 127.0.0.1:" + silent.getLocalPort() + " within 10 s: the host is down"
                    + " or the network drops the traffic (VPN, firewall); check the host and port of environment staging and the network.";

            assertThat(run("env", "test", "staging")).isEqualTo(1);
            assertOneSentence("control-room: staging: " + sentence);

            assertThat(run("run", "--env", "staging", "--suite", "quick")).isEqualTo(1);
            assertOneSentence("control-room: No query ran on staging: " + sentence);
        }
    }

    private void add(String url) {
        assertThat(run("env", "add", "staging", "--url", url)).as(err.toString()).isZero();
    }

    private void assertOneSentence(String expected) {
        String stderr = err.toString();
        assertThat(stderr.lines().toList()).as("stderr is the one sentence: " + stderr).containsExactly(expected);
        assertThat(stderr).doesNotContainPattern("\\b[a-z]+\\.[a-z]+\\.[a-zA-Z.]*[A-Z]\\w+")
                .doesNotContain("Exception", "Hikari", "pool", "active=", "statement timeout");
    }

    private int run(String... args) {
        return runWithStdin("", args);
    }

    private int runWithStdin(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = ControlRoomCli.create(new AppHome(folder), () -> { }, credentials,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
