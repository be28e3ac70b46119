package com.rolloutcontrolroom.services.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forward-only schema migrations, numbered by {@code PRAGMA user_version}. Each migration runs in
 * its own transaction together with the version bump, so a crash mid-migration leaves the previous
 * version intact. Released migrations are never edited: a change is a new migration at the end.
 * The append-only triggers are also checked at every writable open ({@link AppendOnlyTriggers}),
 * because anyone with the file can drop them without touching {@code user_version}.
 */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "journal table", List.of("""
                    CREATE TABLE journal_entry (
                        id          INTEGER PRIMARY KEY,
                        kind        TEXT NOT NULL,
                        recorded_at TEXT NOT NULL,
                        operator    TEXT NOT NULL,
                        rollout     TEXT NOT NULL,
                        environment TEXT,
                        body        TEXT NOT NULL,
                        prev_hash   TEXT NOT NULL,
                        hash        TEXT NOT NULL
                    )""")),
            new Migration(2, "append-only triggers and kind/time index", List.of("""
                    CREATE TRIGGER journal_entry_no_update BEFORE UPDATE ON journal_entry
                    BEGIN SELECT RAISE(ABORT, 'the journal is append-only: UPDATE is refused'); END""", """
                    CREATE TRIGGER journal_entry_no_delete BEFORE DELETE ON journal_entry
                    BEGIN SELECT RAISE(ABORT, 'the journal is append-only: DELETE is refused'); END""",
                    "CREATE INDEX journal_entry_kind_time ON journal_entry (kind, recorded_at)")),
            // not part of the hashed body: the signature is over the hash, so it cannot be inside it
            new Migration(3, "signature column", List.of("ALTER TABLE journal_entry ADD COLUMN signature TEXT")));

    public static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    public int migrate(Connection connection) throws SQLException {
        return migrateTo(connection, LATEST);
    }

    /** Migrates up to {@code target}; exposed so tests can build every earlier version. */
    int migrateTo(Connection connection, int target) throws SQLException {
        int current = requireKnownVersion(connection);
        for (Migration migration : MIGRATIONS) {
            if (migration.version() <= current || migration.version() > target) {
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    for (String sql : migration.statements()) {
                        if (!alreadyApplied(connection, sql)) {
                            statement.execute(sql);
                        }
                    }
                    statement.execute("PRAGMA user_version = " + migration.version());
                    statement.execute("COMMIT");
                } catch (SQLException e) {
                    statement.execute("ROLLBACK");
                    throw e;
                }
            }
            LOG.info("Journal schema migrated to version {} ({})", migration.version(), migration.description());
            current = migration.version();
        }
        return current;
    }

    private static final Pattern CREATES = Pattern.compile("^\\s*CREATE\\s+(TABLE|INDEX|TRIGGER)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDS_COLUMN = Pattern.compile("^\\s*ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+COLUMN\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Whether the schema already has what {@code sql} creates: {@code user_version} is one PRAGMA away
     * from anyone with the file, and a lowered version must not make the writer fail on its next open.
     */
    private static boolean alreadyApplied(Connection connection, String sql) throws SQLException {
        Matcher creates = CREATES.matcher(sql);
        if (creates.find()) {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?")) {
                query.setString(1, creates.group(1).toLowerCase(java.util.Locale.ROOT));
                query.setString(2, creates.group(2));
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next();
                }
            }
        }
        Matcher adds = ADDS_COLUMN.matcher(sql);
        if (adds.find()) {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pragma_table_info(?) WHERE name = ?")) {
                query.setString(1, adds.group(1));
                query.setString(2, adds.group(2));
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next();
                }
            }
        }
        return false;
    }

    /** The schema version, refused when a newer app wrote it: this one might misread its records. */
    static int requireKnownVersion(Connection connection) throws SQLException {
        int current = version(connection);
        if (current > LATEST) {
            throw new SQLException("The journal has schema version " + current + " but this app knows only up to "
                    + LATEST + "; update Rollout Control Room.");
        }
        return current;
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
