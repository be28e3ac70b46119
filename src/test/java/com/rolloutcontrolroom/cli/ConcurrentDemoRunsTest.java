package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.services.home.Workspace;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two {@code run --env demo} at once through the CLI's entry point, each starting or joining the demo
 * database: neither stops it under the other, so every run gets every query OK and every snapshot lands.
 */
class ConcurrentDemoRunsTest {

    private static final int ROUNDS = 3;

    @TempDir
    Path folder;

    @Test
    void twoDemoRunsAtOnceBothGetEveryQuery() throws Exception {
        AppHome home = new AppHome(folder).ensureExists();
        SessionCredentialStore keychain = new SessionCredentialStore("Test."); // one OS keychain for both, as on a workstation
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> outputs = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Future<String>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(pool.submit(run(home, keychain)));
                }
                for (Future<String> run : runs) {
                    outputs.add(run.get(5, TimeUnit.MINUTES));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outputs).hasSize(2 * ROUNDS).allSatisfy(output ->
                assertThat(output).startsWith("exit 0").containsPattern("full suite on demo: 14 ok, 0 error"));
        try (JournalAccess journal = new JournalAccess(home, Workspace.DEMO, new KeychainJournalKeys(keychain))) {
            assertThat(journal.reader().entries(JournalQuery.ofKinds(EntryKind.SNAPSHOT))).as("every snapshot landed")
                    .hasSize(2 * ROUNDS);
            assertThat(journal.reader().entries(JournalQuery.ofKinds(EntryKind.ROLLOUT_CREATED)))
                    .as("the demo history, recorded once by the two first runs").hasSize(1);
            assertThat(journal.verifier().verify().isIntact()).isTrue();
        }
        assertThat(home.journal()).as("demo runs write nothing to the real journal").doesNotExist();
        assertThat(home.demoDatabase().resolve("postmaster.pid")).as("the last run stopped it").doesNotExist();
    }

    private static Callable<String> run(AppHome home, SessionCredentialStore keychain) {
        return () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = ControlRoomCli.create(home, () -> { }, keychain,
                    new ByteArrayInputStream(new byte[0]));
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute("run", "--env", "demo");
            return "exit " + exit + "\n" + out + "\n" + err;
        };
    }
}
