package com.rolloutcontrolroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.rolloutcontrolroom.domain.journal.ChecklistItemTicked;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.domain.rollout.SmallPlan;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;

/**
 * Reading a rollout's state (every screen refresh and `status` does it): the app's read of the
 * rollout's records plus the fold, next to the floor, a plain JDBC read of the same rows' text from
 * the same SQLite file. Sizes: a rollout as the seed runs it (a few hundred records) and one with
 * many thousands, in a journal that also holds another rollout of the same size.
 */
public final class RolloutFoldBenchmark {

    private static final Operator ANA = new Operator("ana", "Ana Ruiz");

    private RolloutFoldBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "rollout-bench");
        for (int records : new int[] {300, 20_000}) {
            Path home = Files.createDirectory(folder.resolve("r" + records));
            try (JournalAccess journal = new JournalAccess(new AppHome(home))) {
                Rollouts rollouts = new Rollouts(journal, new OperatorIdentity("ana", new SettingsFile(home.resolve("s.json"))),
                        Clock.systemUTC());
                fill(journal, rollouts, "V3", records);
                fill(journal, rollouts, "OTHER", records);
                long[] app = new long[31];
                long[] raw = new long[31];
                long[] read = new long[31];
                for (int i = 0; i < app.length; i++) {
                    long start = System.nanoTime();
                    rollouts.require("V3");
                    app[i] = System.nanoTime() - start;
                    start = System.nanoTime();
                    rawRead(home.resolve("journal.sqlite"), "V3");
                    raw[i] = System.nanoTime() - start;
                    start = System.nanoTime();
                    journal.reader().entries(JournalQuery.all().inRollout("V3"));
                    read[i] = System.nanoTime() - start;
                }
                System.out.printf(Locale.ROOT, "rollout of %,d records (journal of %,d): app read+fold median %.1f ms"
                        + " (of which reading the records %.1f ms), raw SQLite read of the same rows %.1f ms%n", records + 1,
                        journal.reader().count(), median(app), median(read), median(raw));
            }
        }
    }

    private static void fill(JournalAccess journal, Rollouts rollouts, String name, int records) {
        rollouts.create(SmallPlan.named(name));
        Instant at = Instant.now();
        for (int written = 0; written < records; written += 1000) {
            List<JournalEntry> batch = new ArrayList<>();
            for (int i = written; i < Math.min(records, written + 1000); i++) {
                batch.add(new ChecklistItemTicked(at, ANA, null, name, SmallPlan.PREPARATION, "Runbook reviewed", i % 2 == 0));
            }
            journal.writer().appendAll(name, rollouts.require(name).lastRecordId(), batch);
        }
    }

    private static int rawRead(Path file, String rollout) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement query = connection.prepareStatement("SELECT id, body FROM journal_entry WHERE rollout = ? ORDER BY id")) {
            query.setString(1, rollout);
            int rows = 0;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rs.getString(2);
                    rows++;
                }
            }
            return rows;
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

}
