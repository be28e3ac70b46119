package com.rolloutcontrolroom.ui.journal;

import java.util.List;

import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.journal.VerificationReport;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;

/**
 * One consistent read of the journal for the screen: its records, the verdict on them (chain,
 * signatures, the keychain's key and head, the append-only triggers) and who may write.
 */
record JournalState(List<StoredEntry> entries, VerificationReport report, boolean readOnly, String readOnlyMessage) {

    /** Blocking (opens the journal on first use, reads and re-hashes every record, asks the keychain): background work only. */
    static JournalState read(JournalAccess journal) {
        var database = journal.database();
        List<StoredEntry> entries = journal.reader().entries(JournalQuery.all());
        VerificationReport report = journal.check();
        return new JournalState(entries, report, database.isReadOnly(), database.readOnlyMessage().orElse(""));
    }
}
