package com.rolloutcontrolroom.bench;

import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.KeychainCredentialStore;
import com.rolloutcontrolroom.services.credentials.KeychainStatus;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.journal.JournalWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;

/**
 * Append throughput with {@code synchronous=FULL}: the app's {@link JournalWriter} next to plain
 * JDBC insert+commit on the same disk with the same pragmas (WAL, synchronous=FULL, busy_timeout),
 * so the difference is the app's own cost (hashing, canonical form, head lookup per transaction),
 * then with an Ed25519 signature per record (key in memory), then with the head also written to the
 * real OS keychain after every commit, as the app does (only where a keychain answers: run inside
 * {@code dbus-run-session} with gnome-keyring unlocked; a key this creates is removed afterwards).
 * Not a unit test: timings depend on the machine. Run from the project folder:
 *
 * <pre>
 * ./mvnw -q -o test-compile
 * java -cp target/test-classes:target/classes:$(./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     com.rolloutcontrolroom.bench.JournalBenchmark [folder-on-the-disk-to-measure] [seconds-per-run]
 * </pre>
 */
public final class JournalBenchmark {

    private JournalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory(args.length > 0 ? Files.createDirectories(Path.of(args[0])) : Path.of("target"),
                "journal-bench");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        long budgetNanos = (long) (seconds * 1e9);

        double raw = rawCommitsPerSecond(folder.resolve("raw.sqlite"), budgetNanos);
        double app = appAppendsPerSecond(Files.createDirectory(folder.resolve("unsigned")), JournalKeys.none("benchmark"),
                budgetNanos);
        double signed = appAppendsPerSecond(Files.createDirectory(folder.resolve("signed")),
                new KeychainJournalKeys(new SessionCredentialStore("benchmark: key in memory")), budgetNanos);
        System.out.printf(Locale.ROOT, "disk folder: %s%n", folder.toAbsolutePath());
        System.out.printf(Locale.ROOT, "raw SQLite insert+commit (WAL, synchronous=FULL): %8.1f commits/s%n", raw);
        System.out.printf(Locale.ROOT, "app JournalWriter.append, unsigned (no keychain):  %8.1f appends/s (%.0f %% of raw)%n",
                app, 100 * app / raw);
        System.out.printf(Locale.ROOT, "app append, Ed25519-signed (key in memory):        %8.1f appends/s (%.0f %% of raw)%n",
                signed, 100 * signed / raw);
        try (KeychainCredentialStore keychain = new KeychainCredentialStore(KeychainCredentialStore.DEFAULT_TIMEOUT)) {
            KeychainStatus status = keychain.probe();
            if (!status.available()) {
                System.out.printf(Locale.ROOT, "app append, signed + head in the OS keychain:      not measured (%s)%n",
                        status.sentence());
                return;
            }
            boolean keyExisted = keychain.read(CredentialKey.journalSigningKey()).isPresent();
            Path keychainFolder = Files.createDirectory(folder.resolve("keychain"));
            try {
                double withKeychain = appAppendsPerSecond(keychainFolder, new KeychainJournalKeys(keychain), budgetNanos);
                System.out.printf(Locale.ROOT, "app append, signed + head in the OS keychain:      %8.1f appends/s (%.0f %% of raw,"
                        + " %.1f ms per append)%n", withKeychain, 100 * withKeychain / raw, 1000 / withKeychain);
            } finally {
                // the head item names this benchmark's file; remove it, and a signing key only if this run created it
                keychain.delete(new CredentialKey(CredentialKey.SERVICE, "journal-head:" + headId(keychainFolder)));
                if (!keyExisted) {
                    keychain.delete(CredentialKey.journalSigningKey());
                }
            }
        }
    }

    private static String headId(Path folder) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                folder.toRealPath().resolve("journal.sqlite").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
    }

    private static double appAppendsPerSecond(Path folder, JournalKeys keys, long budgetNanos) {
        try (JournalDatabase database = JournalDatabase.open(folder.resolve("journal.sqlite"),
                folder.resolve("journal.lock"), keys)) {
            JournalWriter writer = new JournalWriter(database);
            Instant at = JournalSamples.T0;
            for (int i = 0; i < 20; i++) {
                writer.append(rollback(at, i));
            }
            long count = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < budgetNanos) {
                writer.append(rollback(at, count++));
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static RollbackPerformed rollback(Instant at, long i) {
        return new RollbackPerformed(at.plusMillis(i), JournalSamples.ANA, "production", JournalSamples.ROLLOUT,
                at, "benchmark reason " + i, "flag off; redeploy", "restored");
    }

    private static double rawCommitsPerSecond(Path file, long budgetNanos) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 5000");
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = FULL");
                statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
            }
            connection.setAutoCommit(false);
            String body = "x".repeat(400); // about the size of a rollback record's canonical text
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t (body) VALUES (?)")) {
                for (int i = 0; i < 20; i++) {
                    insert.setString(1, body);
                    insert.executeUpdate();
                    connection.commit();
                }
                long count = 0;
                long start = System.nanoTime();
                while (System.nanoTime() - start < budgetNanos) {
                    insert.setString(1, body);
                    insert.executeUpdate();
                    connection.commit();
                    count++;
                }
                return count / ((System.nanoTime() - start) / 1e9);
            }
        }
    }
}
