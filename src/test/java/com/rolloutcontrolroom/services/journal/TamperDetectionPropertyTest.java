package com.rolloutcontrolroom.services.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.ChainReport;
import com.rolloutcontrolroom.domain.journal.ChecklistItemTicked;
import com.rolloutcontrolroom.domain.journal.GateOverridden;
import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.operator.Operator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * An attacker with the file drops the triggers and edits rows with plain SQL. Whatever single
 * change they make, the verifier (given the head an auditor kept) reports the first record touched.
 */
class TamperDetectionPropertyTest {

    enum Tampering { CHANGE_ONE_CHARACTER, DELETE_RECORD, SWAP_TWO_RECORDS }

    static final List<String> COLUMNS =
            List.of("id", "kind", "recorded_at", "operator", "rollout", "environment", "body", "prev_hash", "hash");

    @Property(tries = 60)
    void anySingleTamperingIsDetectedAtTheRightRecord(
            @ForAll("journals") List<JournalEntry> entries,
            @ForAll Tampering tampering,
            @ForAll @IntRange(min = 0, max = 1_000) int positionSeed,
            @ForAll @IntRange(min = 0, max = 1_000) int otherSeed,
            @ForAll @IntRange(min = 0, max = 8) int column,
            @ForAll @IntRange(min = 0, max = 10_000) int charSeed) throws Exception {
        Path dir = Files.createTempDirectory("tamper");
        try {
            Path file = dir.resolve("journal.sqlite");
            ChainHead keptByAuditor;
            try (JournalDatabase db = JournalDatabase.open(file, dir.resolve("journal.lock"))) {
                JournalWriter writer = new JournalWriter(db);
                entries.forEach(writer::append);
                keptByAuditor = new JournalReader(db).head();
            }
            int n = entries.size();
            long target = 1 + positionSeed % n;
            long expectedBroken;
            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                dropTriggers(raw);
                switch (tampering) {
                    case CHANGE_ONE_CHARACTER -> changeOneCharacter(raw, target, COLUMNS.get(column), charSeed, n);
                    case DELETE_RECORD -> execute(raw, "DELETE FROM journal_entry WHERE id = " + target);
                    case SWAP_TWO_RECORDS -> {
                        long other = 1 + (target - 1 + 1 + otherSeed % (n - 1)) % n;
                        swap(raw, Math.min(target, other), Math.max(target, other));
                        target = Math.min(target, other);
                    }
                }
                expectedBroken = target;
            }
            try (JournalDatabase db = JournalDatabase.open(file, dir.resolve("journal.lock"))) {
                ChainReport report = new ChainVerifier(db).verify(keptByAuditor);
                assertThat(report.isIntact()).as("undetected %s", tampering).isFalse();
                assertThat(report.brokenRecord()).as(report.describe()).hasValue(expectedBroken);
            }
        } finally {
            deleteTree(dir);
        }
    }

    @Provide
    Arbitrary<List<JournalEntry>> journals() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('!', '\u2FFF').withChars('\n', ' ', '"', '\\')
                .ofMaxLength(24).map(s -> "t" + s);
        Arbitrary<JournalEntry> entry = Combinators.combine(
                Arbitraries.integers().between(0, 4), text, text, Arbitraries.longs().between(0, 4_000_000_000L),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal(100)).ofScale(2))
                .as(TamperDetectionPropertyTest::entry);
        return entry.list().ofMinSize(2).ofMaxSize(10);
    }

    private static JournalEntry entry(int kind, String a, String b, long seconds, BigDecimal metric) {
        Instant at = Instant.ofEpochSecond(1_700_000_000L + seconds / 4);
        Operator op = new Operator("op" + (seconds % 3), b);
        String env = seconds % 2 == 0 ? "staging" : "production";
        return switch (kind) {
            case 0 -> new RollbackPerformed(at, op, env, JournalSamples.ROLLOUT, at, a, b, a + b);
            case 1 -> new IssueLogged(at, op, env, JournalSamples.ROLLOUT, at, a, seconds % 3 == 0 ? b : null,
                    seconds % 3 == 0 ? at : null);
            case 2 -> new ChecklistItemTicked(at, op, seconds % 5 == 0 ? null : env, a, "Staging full", b, seconds % 2 == 0);
            case 3 -> new GateOverridden(at, op, env, JournalSamples.ROLLOUT, "Production full", a, b);
            default -> new SnapshotTaken(at, op, env, JournalSamples.ROLLOUT, null, "Quick health check",
                    List.of(new QueryResult("q", "SELECT 1 WHERE x = :p -- " + a, Map.of("p", b), "[{\"v\":1}]")),
                    Map.of("successRate", metric), at, at, 0, List.of(new SnapshotVerdict("success rate", "WARN", List.of(a))));
        };
    }

    private static void dropTriggers(Connection raw) throws SQLException {
        execute(raw, "DROP TRIGGER journal_entry_no_update");
        execute(raw, "DROP TRIGGER journal_entry_no_delete");
    }

    private static void changeOneCharacter(Connection raw, long id, String column, int seed, int n) throws SQLException {
        if (column.equals("id")) {
            execute(raw, "UPDATE journal_entry SET id = " + (id + 1000 + n) + " WHERE id = " + id);
            return;
        }
        String value;
        try (Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + column + " FROM journal_entry WHERE id = " + id)) {
            value = rs.getString(1);
        }
        String changed;
        if (value == null || value.isEmpty()) {
            changed = "x";
        } else {
            int at = seed % value.length();
            while (Character.isSurrogate(value.charAt(at)) && at > 0) {
                at--;
            }
            char replacement = value.charAt(at) == 'a' ? 'b' : 'a';
            int end = at + (Character.isHighSurrogate(value.charAt(at)) ? 2 : 1);
            changed = value.substring(0, at) + replacement + value.substring(end);
        }
        try (PreparedStatement update = raw.prepareStatement("UPDATE journal_entry SET " + column + " = ? WHERE id = ?")) {
            update.setString(1, changed);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private static void swap(Connection raw, long first, long second) throws SQLException {
        execute(raw, "CREATE TEMP TABLE held AS SELECT * FROM journal_entry WHERE id IN (" + first + "," + second + ")");
        for (long[] pair : new long[][] {{first, second}, {second, first}}) {
            StringBuilder set = new StringBuilder();
            for (String column : COLUMNS.subList(1, COLUMNS.size())) {
                set.append(set.length() == 0 ? "" : ", ").append(column)
                        .append(" = (SELECT ").append(column).append(" FROM held WHERE id = ").append(pair[1]).append(')');
            }
            execute(raw, "UPDATE journal_entry SET " + set + " WHERE id = " + pair[0]);
        }
    }

    private static void execute(Connection raw, String sql) throws SQLException {
        try (Statement statement = raw.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
