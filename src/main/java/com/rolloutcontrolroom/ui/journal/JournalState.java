package com.rolloutcontrolroom.ui.journal;

import java.util.List;

import com.rolloutcontrolroom.domain.journal.ChainReport;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;

/** One consistent read of the journal for the screen: its records, the chain's verdict and who may write. */
record JournalState(List<StoredEntry> entries, ChainReport report, boolean readOnly, String readOnlyMessage) {

    /** Blocking (opens the journal on first use, reads and re-hashes every record): background work only. */
    static JournalState read(JournalAccess journal) {
        var database = journal.database();
        List<StoredEntry> entries = journal.reader().entries(JournalQuery.all());
        ChainReport report = journal.verifier().verify();
        return new JournalState(entries, report, database.isReadOnly(), database.readOnlyMessage().orElse(""));
    }
}
