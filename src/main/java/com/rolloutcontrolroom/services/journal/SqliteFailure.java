package com.rolloutcontrolroom.services.journal;

import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SQLite's result codes into one sentence naming what to fix; the raw {@code [SQLITE_…]}
 * text, which names nothing a user can act on, goes to the log.
 */
final class SqliteFailure {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteFailure.class);
    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;
    static final String RESTORE = "; restore it from a backup or the last export.";

    private SqliteFailure() {
    }

    /** @param doing what failed, as it starts a sentence: "Cannot open", "Reading" … */
    static JournalUnavailableException of(String doing, Path file, SQLException e) {
        LOG.info("{} the journal {} failed", doing, file, e);
        return new JournalUnavailableException(sentence(doing, file, e), e);
    }

    static String sentence(String doing, Path file, SQLException e) {
        String text = String.valueOf(e.getMessage());
        if (!(e instanceof org.sqlite.SQLiteException) && e.getErrorCode() == 0 && !text.contains("SQLITE_")) {
            return text; // the app's own sentence (a schema from a newer app), already naming the fix
        }
        // sqlite-jdbc puts the primary code in getErrorCode(); the text also names it, extended codes included
        int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_NOTADB || text.contains("SQLITE_NOTADB")) {
            return "The journal " + file + " is not a journal database (it is damaged or another file)" + RESTORE;
        }
        if (code == SQLITE_CORRUPT || text.contains("SQLITE_CORRUPT")) {
            return "The journal " + file + " is damaged (SQLite found a malformed page)" + RESTORE;
        }
        if (code == SQLITE_FULL || text.contains("SQLITE_FULL")) {
            return doing + " the journal " + file + " failed: the disk is full; free some space and try again.";
        }
        if (code == SQLITE_CANTOPEN || code == SQLITE_PERM || code == SQLITE_READONLY || text.contains("SQLITE_CANTOPEN")
                || text.contains("SQLITE_READONLY")) {
            return doing + " the journal " + file + " failed: it or its folder cannot be accessed; check their permissions.";
        }
        if (code == SQLITE_IOERR || text.contains("SQLITE_IOERR")) {
            return doing + " the journal " + file + " failed: the disk reported an input/output error; check the disk,"
                    + " then restore the journal from a backup if it persists.";
        }
        return doing + " the journal " + file + " failed (SQLite error " + code + "); the log has the details,"
                + " and restoring the journal from a backup or the last export is the safe fix.";
    }
}
