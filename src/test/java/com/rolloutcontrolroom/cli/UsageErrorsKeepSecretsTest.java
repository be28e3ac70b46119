package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;

import picocli.CommandLine;

/**
 * A mistyped command line often carries the URL it was copied with: whatever is wrong with it,
 * the error names what to fix without repeating a password, on the terminal or in the log.
 */
class UsageErrorsKeepSecretsTest {

    private static final String SECRET = "fakeS3cretPass";
    private static final String URL = "postgresql://user:" + SECRET + "@host/db";
    private static final String JDBC_URL = "jdbc:postgresql://host:5432/db?user=u&password=" + SECRET + "&sslmode=require";

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ControlRoomCli.create(new AppHome(home), () -> { }, new SessionCredentialStore("Test."),
                new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void anExtraArgumentAfterAUrlWithAPasswordIsNamedWithoutThePassword() {
        assertThat(run("env", "add", "x", "--url", URL, "extra")).isEqualTo(2);

        assertThat(err.toString()).isEqualTo("control-room: env add got 1 argument it does not take (not repeated here, as it may hold"
                + " a secret); check the spelling and the quoting (see control-room env add --help).\n");
        assertThat(out.toString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "env add x --url URL extra",
            "env test x --url URL",
            "run --env x --url URL",
            "env add x --url JDBC extra",
            "env add x extra --url URL",
            "env add x --url URL --bogus=URL",
            "env add x --url URL --password SECRET",
            "env add x --url URL --statement-timeout=URL",
            "env add x --url URL --statement-timeout JDBC",
            "env add --url URL",
            "env URL",
            "env test URL",
            "env remove JDBC",
            "URL",
            "JDBC",
            "run --env URL",
            "run --env x --suite URL",
            "run --env x --suite JDBC",
            "journal verify --expect URL",
            "journal export --jsonl --out URL extra",
            "demo-db --scenario URL",
            "demo-db --rate JDBC",
    })
    void noUsageErrorRepeatsThePassword(String line) throws Exception {
        Path log = home.resolve("cli.log");
        FileHandler handler = new FileHandler(log.toString());
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        int exit;
        try {
            exit = run(line.replace("JDBC", JDBC_URL).replace("URL", URL).replace("SECRET", SECRET).split(" "));
        } finally {
            root.removeHandler(handler);
            handler.close();
        }

        assertThat(exit).as(err.toString()).isNotZero();
        assertThat(err.toString()).startsWith("control-room: ").doesNotContain(SECRET);
        assertThat(out.toString()).doesNotContain(SECRET);
        assertThat(Files.readString(log)).doesNotContain(SECRET);
    }

    @Test
    void whatIsNotASecretIsStillNamed() {
        assertThat(run("env", "add", "x", "--url", "postgresql://user@host/db", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("env add got an unknown option --bogus;");

        err.getBuffer().setLength(0);
        assertThat(run("run", "--env", "x", "--suite", URL)).isEqualTo(2);
        assertThat(err.toString()).contains("--suite must be quick or full").contains("postgresql://user:***@host/db");
    }
}
