package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.EntryFields;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.JournalTime;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads records for the journal screen, reports and exports. It trusts the stored rows; whether
 * they were tampered with is {@link ChainVerifier}'s question.
 */
public final class JournalReader {

    private static final String COLUMNS = "SELECT id, body, prev_hash, hash, %s FROM journal_entry";

    private final JournalDatabase database;
    private final CanonicalDocumentParser parser = new CanonicalDocumentParser();

    public JournalReader(JournalDatabase database) {
        this.database = database;
    }

    public ChainHead head() {
        return database.read(JournalReader::head);
    }

    public long count() {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM journal_entry")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    public Optional<StoredEntry> entry(long id) {
        List<StoredEntry> found = select(COLUMNS + " WHERE id = ?", List.of(id));
        return found.stream().findFirst();
    }

    /** Records matching the query, oldest first (by position in the chain). */
    public List<StoredEntry> entries(JournalQuery query) {
        StringBuilder sql = new StringBuilder(COLUMNS + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!query.kinds().isEmpty()) {
            sql.append(" AND kind IN (").append(query.kinds().stream().map(k -> "?").collect(Collectors.joining(","))).append(')');
            query.kinds().stream().map(EntryKind::name).sorted().forEach(args::add);
        }
        if (query.from() != null) {
            sql.append(" AND recorded_at >= ?");
            args.add(JournalTime.format(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND recorded_at < ?");
            args.add(JournalTime.format(query.to()));
        }
        if (query.rollout() != null) {
            sql.append(" AND rollout = ?");
            args.add(query.rollout());
        }
        if (query.environment() != null) {
            sql.append(" AND environment = ?");
            args.add(query.environment());
        }
        sql.append(" ORDER BY id LIMIT ?");
        args.add(query.limit());
        return select(sql.toString(), args);
    }

    /** The record whose hash this is, as a head (a sign-off's approved hash names one); empty when no record has it. */
    public Optional<ChainHead> headWithHash(String hash) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM journal_entry WHERE hash = ? ORDER BY id LIMIT 1")) {
                statement.setString(1, hash);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(new ChainHead(rs.getLong(1), hash)) : Optional.<ChainHead>empty();
                }
            }
        });
    }

    /** Corrections that reference {@code id}, oldest first; the last one is the current content. */
    public List<StoredEntry> correctionsOf(long id) {
        return select(COLUMNS + " WHERE kind = 'CORRECTION' AND json_extract(body, '$.correctsId') = ? ORDER BY id",
                List.of(Long.toString(id)));
    }

    static ChainHead head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, hash FROM journal_entry ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? new ChainHead(rs.getLong(1), rs.getString(2)) : ChainHead.EMPTY;
        }
    }

    private List<StoredEntry> select(String sqlTemplate, List<?> args) {
        return database.read(connection -> {
            // a journal read before migration 3 has no signature column
            String sql = String.format(java.util.Locale.ROOT, sqlTemplate,
                    ChainVerifier.hasSignatureColumn(connection) ? "signature" : "NULL");
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    statement.setObject(i + 1, args.get(i));
                }
                List<StoredEntry> result = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        result.add(new StoredEntry(rs.getLong(1),
                                EntryFields.entry(parser.parse(rs.getBytes(2))), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
                return result;
            }
        });
    }
}
