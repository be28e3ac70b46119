package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.ChainReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes the hash chain from the stored bytes and names the first record that breaks it. Besides
 * the hashes it checks that ids run 1..N without gaps, that the queryable columns agree with the
 * hashed content, and, from the record that enrolled a signing key on, that every record carries a
 * valid Ed25519 signature of its hash by that key ({@link ChainWalk}, the rules an exported copy is
 * checked by too).
 *
 * <p>A chain cannot show that records were cut off its end; pass an anchor (a head kept elsewhere,
 * e.g. from a sign-off, an earlier export or the keychain) to detect that too.
 */
public final class ChainVerifier {

    private static final String COLUMNS = "SELECT id, kind, recorded_at, operator, rollout, environment, "
            + "CAST(body AS BLOB), prev_hash, hash";

    private final JournalDatabase database;

    public ChainVerifier(JournalDatabase database) {
        this.database = database;
    }

    public ChainReport verify() {
        return verify(Optional.empty());
    }

    /** Also requires the chain to contain {@code anchor} unchanged. */
    public ChainReport verify(ChainHead anchor) {
        return verify(Optional.of(anchor));
    }

    private ChainReport verify(Optional<ChainHead> anchor) {
        return database.read(connection -> {
            ChainWalk walk = new ChainWalk();
            String hashAtAnchor = anchor.filter(a -> a.id() == 0).map(a -> ChainHash.GENESIS).orElse(null);
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(rows(connection))) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long expectedId = walk.expectedId();
                    ChainHead lastGood = walk.head();
                    String problem = walk.add(row(rs));
                    if (problem != null) {
                        return ChainReport.broken(expectedId - 1, lastGood, id > expectedId ? expectedId : id, problem);
                    }
                    if (anchor.isPresent() && anchor.get().id() == id) {
                        hashAtAnchor = walk.head().hash();
                    }
                }
            }
            long count = walk.count();
            ChainHead head = walk.head();
            if (anchor.isPresent()) {
                ChainHead a = anchor.get();
                if (a.id() > count) {
                    return ChainReport.broken(count, head, count + 1, "record " + (count + 1)
                            + " is missing: the journal ends at record " + count + " but was anchored at record " + a.id());
                }
                if (!a.hash().equals(hashAtAnchor)) {
                    return ChainReport.broken(count, head, a.id(), "its hash differs from the anchored head hash "
                            + ChainHash.abbreviate(a.hash()));
                }
            }
            return ChainReport.intact(count, head, walk.enrollment());
        });
    }

    /** The stored row; the columns the screen filters on are copies of body fields, checked against it. */
    private static ChainWalk.Row row(ResultSet rs) throws SQLException {
        return new ChainWalk.Row(rs.getLong(1), rs.getBytes(7), rs.getString(8), rs.getString(9), rs.getString(10), List.of(
                new ChainWalk.Copy("kind", rs.getString(2)),
                new ChainWalk.Copy("recorded_at", rs.getString(3)),
                new ChainWalk.Copy("operator", rs.getString(4)),
                new ChainWalk.Copy("rollout", rs.getString(5)),
                new ChainWalk.Copy("environment", rs.getString(6))));
    }

    /** A journal read before migration 3 has no signature column: all its records are unsigned. */
    private static String rows(Connection connection) throws SQLException {
        return COLUMNS + (hasSignatureColumn(connection) ? ", signature" : ", NULL") + " FROM journal_entry ORDER BY id";
    }

    static boolean hasSignatureColumn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1 FROM pragma_table_info('journal_entry') WHERE name = 'signature'")) {
            return rs.next();
        }
    }
}
