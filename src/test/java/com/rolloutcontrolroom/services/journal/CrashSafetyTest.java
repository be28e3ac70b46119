package com.rolloutcontrolroom.services.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.domain.journal.ChainReport;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import java.time.Instant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM appends through the real writer (synchronous=FULL) and acknowledges each id after the
 * commit returns; this test SIGKILLs it at random moments ({@code destroyForcibly} is SIGKILL on
 * Linux) and checks after every kill that nothing acknowledged was lost and nothing half-written
 * remains.
 */
class CrashSafetyTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashSafetyTest.class);
    private static final int KILLS = 24;

    @TempDir
    Path dir;

    @Test
    void killedWritersNeverLoseAcknowledgedRecordsNorLeaveHalfOnes() throws Exception {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        AppHome home = new AppHome(dir);
        Set<Long> acknowledged = new HashSet<>();
        int killedMidAppending = 0;
        for (int round = 0; round < KILLS; round++) {
            Path acks = dir.resolve("acks-" + round + ".txt");
            Process child = startAppender(acks);
            if (round % 6 == 5) {
                Thread.sleep(random.nextInt(700)); // any moment, start-up and migrations included
            } else {
                waitForFirstAck(acks, child);
                if (round == 0) {
                    appendBesideIt(home);
                }
                Thread.sleep(random.nextInt(120));
            }
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            List<Long> acked = completeLines(acks);
            killedMidAppending += acked.isEmpty() ? 0 : 1;
            acknowledged.addAll(acked);

            try (JournalDatabase db = JournalDatabase.open(home)) {
                assertThat(db.integrityCheck()).as("round %d, seed %d", round, seed).isEqualTo("ok");
                Set<Long> stored = storedIds(db);
                assertThat(stored).as("acknowledged ids after round %d (seed %d)", round, seed).containsAll(acknowledged);
                ChainReport report = new ChainVerifier(db).verify();
                assertThat(report.isIntact()).as(report.describe()).isTrue();
                assertThat(report.verifiedCount()).isEqualTo(stored.size());
            }
        }
        LOG.info("Crash test: {} kills ({} while appending), {} acknowledged ids all present, seed {}",
                KILLS, killedMidAppending, acknowledged.size(), seed);
        System.out.printf("CRASH-TEST kills=%d killedWhileAppending=%d acknowledged=%d seed=%d%n",
                KILLS, killedMidAppending, acknowledged.size(), seed);
        assertThat(killedMidAppending).isGreaterThanOrEqualTo(KILLS / 2);
    }

    @Test
    void aWriteOfSeveralRecordsIsWholeOrAbsentAfterAKill() throws Exception {
        Random random = new Random();
        AppHome home = new AppHome(dir);
        Set<Long> acknowledged = new HashSet<>();
        for (int round = 0; round < KILLS / 3; round++) {
            Path acks = dir.resolve("pair-acks-" + round + ".txt");
            Process child = startAppender(acks, "pairs");
            waitForFirstAck(acks, child);
            Thread.sleep(random.nextInt(120));
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            acknowledged.addAll(completeLines(acks));

            try (JournalDatabase db = JournalDatabase.open(home)) {
                List<String> reasons = new JournalReader(db).entries(JournalQuery.all().inRollout(CrashAppender.PAIRS)).stream()
                        .map(stored -> ((RollbackPerformed) stored.entry()).reason()).toList();
                assertThat(reasons.size() % 2).as("round %d: a pair was cut", round).isZero();
                for (int i = 0; i < reasons.size(); i += 2) {
                    String pair = reasons.get(i).replace(" first", "");
                    assertThat(reasons.get(i + 1)).isEqualTo(pair + " second");
                }
                assertThat(storedIds(db)).containsAll(acknowledged);
                assertThat(new ChainVerifier(db).verify().isIntact()).isTrue();
            }
        }
    }

    /** A second process (this one) appends while the child does: SQLite serialises the two. */
    private void appendBesideIt(AppHome home) {
        try (JournalDatabase second = JournalDatabase.open(home)) {
            assertThat(second.isReadOnly()).isFalse();
            Instant now = Instant.now();
            new JournalWriter(second).append(new RollbackPerformed(now, JournalSamples.ANA, "production",
                    JournalSamples.ROLLOUT, now, "beside the child", "none", "none"));
        }
    }

    /**
     * The child's acknowledgements go to a file, not a pipe: what it wrote before the kill is in the file
     * whole, and no reader thread races the pipe being closed under it.
     */
    private Process startAppender(Path acks, String... mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), CrashAppender.class.getName(), dir.toString(),
                mode.length == 0 ? "singles" : mode[0])
                .redirectOutput(acks.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void waitForFirstAck(Path acks, Process child) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.exists(acks) && Files.readString(acks, StandardCharsets.US_ASCII).contains("\n")) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("The appender acknowledged nothing within 20 s (alive: " + child.isAlive() + ")");
    }

    /** A line cut by the kill is not an acknowledgement: only newline-terminated ids count. */
    private static List<Long> completeLines(Path acks) throws IOException {
        String text = Files.exists(acks) ? Files.readString(acks, StandardCharsets.US_ASCII) : "";
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : text.substring(0, end).lines().map(String::trim).map(Long::parseLong).toList();
    }

    private static Set<Long> storedIds(JournalDatabase db) {
        return db.read(connection -> {
            Set<Long> ids = new HashSet<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id FROM journal_entry")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }
}
