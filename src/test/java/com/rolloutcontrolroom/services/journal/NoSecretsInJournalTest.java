package com.rolloutcontrolroom.services.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole journaling flow runs with a database password present in the process (as a char[] from
 * the keychain and inside the connection URL the query runner would use); afterwards neither the
 * journal file nor its WAL contains the password in any common encoding.
 */
class NoSecretsInJournalTest {

    private static final String MARKER = "marker-visible-in-journal-7f3c";

    @TempDir
    Path dir;

    @Test
    void aFullFlowWithAPasswordConfiguredLeavesNoTraceOfIt() throws IOException {
        char[] password = "Pa55-w0rd!rollout-3c91".toCharArray();
        DatabaseTarget target = new DatabaseTarget("staging", "db.staging.test", 6543, "postgres", "postgres.ref");
        // what a careless runner would build; the journal must only ever see the target's description
        String connectionUrl = "postgresql://" + target.user() + ":" + new String(password) + "@" + target.host() + ":"
                + target.port() + "/" + target.database();
        assertThat(connectionUrl).contains(new String(password));

        AppHome home = new AppHome(dir);
        try (JournalDatabase db = JournalDatabase.open(home)) {
            JournalWriter writer = new JournalWriter(db);
            Instant at = Instant.now();
            JournalSamples.everyKind(at).forEach(writer::append);
            writer.append(new SnapshotTaken(at, JournalSamples.ANA, target.environment(), JournalSamples.ROLLOUT, "T+0h",
                    "Quick health check " + target.describe(),
                    List.of(new QueryResult("baseline", "SELECT count(*) FROM observability_events -- " + MARKER,
                            Map.of("since", "24 hours"), "[{\"count\":2631}]")),
                    Map.of("events", new BigDecimal(2631)), at, at, 12,
                    List.of(new SnapshotVerdict("baseline", "PASS", List.of("2,631 events in 24 h")))));
            new ChainVerifier(db).verify();

            List<Path> live = journalFiles(home);
            assertThat(containsAnywhere(live, MARKER.getBytes(StandardCharsets.UTF_8)))
                    .as("the search must find what was journaled, or it proves nothing").isTrue();
            assertNoPassword(live, password);
        }
        assertNoPassword(journalFiles(home), password);
        Arrays.fill(password, '\0');
    }

    private static void assertNoPassword(List<Path> files, char[] password) throws IOException {
        String text = new String(password);
        for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            assertThat(containsAnywhere(files, text.getBytes(charset))).as("password bytes in %s", charset).isFalse();
        }
    }

    private static List<Path> journalFiles(AppHome home) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var listing = Files.list(home.root())) {
            listing.filter(p -> p.getFileName().toString().startsWith("journal")).forEach(files::add);
        }
        assertThat(files).contains(home.journal());
        return files;
    }

    private static boolean containsAnywhere(List<Path> files, byte[] needle) throws IOException {
        for (Path file : files) {
            byte[] haystack = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
