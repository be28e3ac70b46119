package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Child process of {@link CrashSafetyTest}: appends forever through the app's writer and prints each
 * id only after {@code append} has returned, i.e. after the commit. The parent kills it with SIGKILL.
 */
public final class CrashAppender {

    private CrashAppender() {
    }

    public static void main(String[] args) {
        try (JournalDatabase database = JournalDatabase.open(new AppHome(Path.of(args[0])))) {
            JournalWriter writer = new JournalWriter(database);
            if (args.length > 1 && args[1].equals("pairs")) {
                appendPairs(database, writer);
                return;
            }
            for (long i = 0; ; i++) {
                Instant now = Instant.now();
                StoredEntry stored = writer.append(new RollbackPerformed(now, JournalSamples.ANA, "production",
                        JournalSamples.ROLLOUT, now, "crash test reason " + i, "flag off " + "x".repeat((int) (i % 300)),
                        "outcome " + i));
                System.out.println(stored.id());
                System.out.flush();
                leaveTheLockFree();
            }
        }
    }

    /** Two records per write, as a rollback and its move back are written; prints the pair's second id once committed. */
    private static void appendPairs(JournalDatabase database, JournalWriter writer) {
        long last = new JournalReader(database).entries(JournalQuery.all().inRollout(PAIRS)).stream()
                .mapToLong(StoredEntry::id).max().orElse(0);
        String process = Long.toHexString(System.nanoTime());
        for (long i = 0; ; i++) {
            Instant now = Instant.now();
            String pair = process + "-" + i;
            List<StoredEntry> stored = writer.appendAll(PAIRS, last, List.of(
                    new RollbackPerformed(now, JournalSamples.ANA, "production", PAIRS, now, pair + " first", "a" + "x".repeat((int) (i % 300)), "o"),
                    new RollbackPerformed(now, JournalSamples.ANA, "production", PAIRS, now, pair + " second", "a", "o")));
            last = stored.get(1).id();
            System.out.println(last);
            System.out.flush();
            leaveTheLockFree();
        }
    }

    /**
     * A moment between appends, as every real writer has: SQLite's busy handler polls and keeps no queue, so a
     * writer that takes the lock again the instant it commits can keep another process's append waiting past its
     * busy timeout (seen once in CI: CrashSafetyTest's append beside this child failed with SQLITE_BUSY after 5 s).
     */
    private static void leaveTheLockFree() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final String PAIRS = "PAIRS";
}
