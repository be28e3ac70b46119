package com.rolloutcontrolroom.services.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.ChainReport;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The same attacker as {@link TamperDetectionPropertyTest}, now against a signed journal (some legacy
 * unsigned records, the enrollment, signed records) and with the signature column and a re-hashed
 * rewrite in their tools: whatever they change, the first record touched is the one reported.
 */
class SignedTamperDetectionPropertyTest {

    enum Tampering { CHANGE_ONE_CHARACTER, DELETE_RECORD, SWAP_TWO_RECORDS, REHASH_FROM_HERE, STRIP_SIGNATURE }

    static final List<String> COLUMNS = List.of("id", "kind", "recorded_at", "operator", "rollout", "environment", "body",
            "prev_hash", "hash", "signature");

    @Property(tries = 50)
    void anySingleTamperingOfASignedJournalIsDetectedAtTheRightRecord(
            @ForAll @IntRange(min = 0, max = 3) int legacy,
            @ForAll @IntRange(min = 1, max = 6) int signed,
            @ForAll Tampering tampering,
            @ForAll @IntRange(min = 0, max = 1_000) int positionSeed,
            @ForAll @IntRange(min = 0, max = 1_000) int otherSeed,
            @ForAll @IntRange(min = 0, max = 9) int column,
            @ForAll @IntRange(min = 0, max = 10_000) int charSeed) throws Exception {
        Path dir = Files.createTempDirectory("signed-tamper");
        try {
            Path file = dir.resolve("journal.sqlite");
            Path lock = dir.resolve("journal.lock");
            List<JournalEntry> samples = JournalSamples.everyKind(JournalSamples.T0);
            try (JournalDatabase db = JournalDatabase.open(file, lock)) {
                for (int i = 0; i < legacy; i++) {
                    new JournalWriter(db).append(samples.get(i % samples.size()));
                }
            }
            ChainHead keptByAuditor;
            try (JournalDatabase db = JournalDatabase.open(file, lock, new KeychainJournalKeys(new SessionCredentialStore("t")))) {
                JournalWriter writer = new JournalWriter(db);
                for (int i = 0; i < signed; i++) {
                    writer.append(samples.get((i + 3) % samples.size()));
                }
                keptByAuditor = new JournalReader(db).head();
            }
            int n = legacy + 1 + signed;
            long target = 1 + positionSeed % n;
            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                execute(raw, "DROP TRIGGER journal_entry_no_update");
                execute(raw, "DROP TRIGGER journal_entry_no_delete");
                switch (tampering) {
                    case CHANGE_ONE_CHARACTER -> changeOneCharacter(raw, target, COLUMNS.get(column), charSeed, n);
                    case DELETE_RECORD -> execute(raw, "DELETE FROM journal_entry WHERE id = " + target);
                    case SWAP_TWO_RECORDS -> {
                        long other = 1 + (target - 1 + 1 + otherSeed % (n - 1)) % n;
                        swap(raw, Math.min(target, other), Math.max(target, other));
                        target = Math.min(target, other);
                    }
                    case REHASH_FROM_HERE -> {
                        rehashFrom(raw, target, "Mallory was here " + charSeed);
                        // an unsigned legacy record can be rewritten consistently; the enrollment's signature is what breaks
                        target = Math.max(target, legacy + 1);
                    }
                    case STRIP_SIGNATURE -> {
                        target = legacy + 1 + positionSeed % (1 + signed);
                        execute(raw, "UPDATE journal_entry SET signature = NULL WHERE id = " + target);
                    }
                }
            }
            try (JournalDatabase db = JournalDatabase.openReadOnly(new com.rolloutcontrolroom.services.home.AppHome(dir))) {
                ChainReport report = new ChainVerifier(db).verify(keptByAuditor);
                assertThat(report.isIntact()).as("undetected %s of record %d", tampering, target).isFalse();
                assertThat(report.brokenRecord()).as(report.describe()).hasValue(target);
            }
        } finally {
            deleteTree(dir);
        }
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

    /** Changes one record's operator name and recomputes every hash from it on, as the documented chain allows. */
    private static void rehashFrom(Connection raw, long from, String name) throws SQLException {
        String previous = ChainHash.GENESIS;
        List<Object[]> rows = new ArrayList<>();
        try (Statement statement = raw.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, body, hash FROM journal_entry ORDER BY id")) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
            }
        }
        try (PreparedStatement update = raw.prepareStatement("UPDATE journal_entry SET body = ?, prev_hash = ?, hash = ? WHERE id = ?")) {
            for (Object[] row : rows) {
                long id = (Long) row[0];
                if (id < from) {
                    previous = (String) row[2];
                    continue;
                }
                String body = (String) row[1];
                if (id == from) {
                    body = body.replaceFirst("\"displayName\":\"[^\"]*\"", "\"displayName\":\"" + name + "\"");
                }
                String hash = ChainHash.next(previous, body.getBytes(StandardCharsets.UTF_8));
                update.setString(1, body);
                update.setString(2, previous);
                update.setString(3, hash);
                update.setLong(4, id);
                update.executeUpdate();
                previous = hash;
            }
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
