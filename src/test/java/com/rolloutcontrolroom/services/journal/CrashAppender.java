package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import java.nio.file.Path;
import java.time.Instant;

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
            for (long i = 0; ; i++) {
                Instant now = Instant.now();
                StoredEntry stored = writer.append(new RollbackPerformed(now, JournalSamples.ANA, "production",
                        JournalSamples.ROLLOUT, now, "crash test reason " + i, "flag off " + "x".repeat((int) (i % 300)),
                        "outcome " + i));
                System.out.println(stored.id());
                System.out.flush();
            }
        }
    }
}
