package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;

import picocli.CommandLine;

/**
 * A whole flow with a known password (add with the password in the URL, list, test, run the quick and
 * the full suite, export the journal) while every logger of the app, pgJDBC and HikariCP writes at full detail into the data
 * folder; then the password's bytes must be in no file there and not on stdout or stderr.
 */
@ExtendWith(PasswordPostgresExtension.class)
class SecretLeakTest {

    private static final List<String> LOGGERS = List.of("", "com.rolloutcontrolroom", "org.postgresql", "com.zaxxer.hikari");

    @TempDir
    Path folder;

    private final PasswordPostgres postgres;

    SecretLeakTest(PasswordPostgres postgres) {
        this.postgres = postgres;
    }

    @Test
    void thePasswordAppearsInNoFileNoLogAndNoOutput() throws Exception {
        AppHome home = new AppHome(folder).ensureExists();
        SessionCredentialStore credentials = new SessionCredentialStore("Test.");
        TestRollouts.create(home, credentials, TestRollouts.ROLLOUT);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        FileHandler log = new FileHandler(home.logs().resolve("control-room.%g.log").toString());
        log.setFormatter(new SimpleFormatter());
        log.setLevel(Level.ALL);
        List<Level> levels = new ArrayList<>();
        LOGGERS.forEach(name -> {
            levels.add(Logger.getLogger(name).getLevel());
            Logger.getLogger(name).setLevel(Level.ALL);
        });
        Logger.getLogger("").addHandler(log);
        System.setOut(new PrintStream(new Tee(console, originalOut), true));
        System.setErr(new PrintStream(new Tee(console, originalErr), true));
        try {
            String url = "postgresql://" + PasswordPostgres.ROLE + ":" + postgres.password() + "@127.0.0.1:" + postgres.port()
                    + "/" + PasswordPostgres.DATABASE;
            assertThat(cli(home, credentials, "").execute("env", "add", "staging", "--url", url)).isZero();
            assertThat(cli(home, credentials, postgres.password() + "\n")
                    .execute("env", "add", "backup", "--url", url.replace(":" + postgres.password(), ""), "--password-stdin")).isZero();
            assertThat(cli(home, credentials, "").execute("env", "list")).isZero();
            assertThat(cli(home, credentials, "").execute("env", "test", "staging")).isZero();
            cli(home, credentials, "").execute("env", "test", "nowhere");

            // the query path a release manager uses: each run opens a pool, queries, records a snapshot in the journal
            assertThat(cli(home, credentials, "").execute("run", "--env", "staging")).isZero();
            assertThat(cli(home, credentials, "").execute("run", "--env", "backup", "--suite", "full", "--json")).isZero();
            assertThat(cli(home, credentials, "").execute("journal", "export", "--jsonl")).isZero();
            assertThat(cli(home, credentials, "").execute("env", "remove", "backup")).isZero();
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            Logger.getLogger("").removeHandler(log);
            log.close();
            for (int i = 0; i < LOGGERS.size(); i++) {
                Logger.getLogger(LOGGERS.get(i)).setLevel(levels.get(i));
            }
        }

        assertThat(Files.size(home.logs().resolve("control-room.0.log"))).as("the log captured the flow").isPositive();
        assertThat(Files.readString(home.config())).contains("staging");
        assertThat(home.journal()).as("the runs were journaled").isRegularFile();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            assertNoPassword(file.toString(), Files.readAllBytes(file));
        }
        assertNoPassword("stdout and stderr", console.toByteArray());
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Added environment staging", "Connected to PostgreSQL",
                "\"environment\" : \"backup\"", "\"kind\":\"SNAPSHOT\"");
    }

    private CommandLine cli(AppHome home, SessionCredentialStore credentials, String stdin) {
        CommandLine cli = ControlRoomCli.create(home, () -> { }, credentials, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(System.out, true));
        cli.setErr(new PrintWriter(System.err, true));
        return cli;
    }

    private void assertNoPassword(String where, byte[] content) {
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] needle = postgres.password().getBytes(charset);
            assertThat(indexOf(content, needle)).as("the password in " + charset + " in " + where).isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
