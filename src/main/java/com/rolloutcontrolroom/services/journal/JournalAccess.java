package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.VerificationReport;
import com.rolloutcontrolroom.services.home.AppHome;

/**
 * Opens the journal on first use (opening runs migrations, a quick_check and the writer's keychain
 * checks: I/O that must not run on the FX thread) and closes it on exit. One instance per process,
 * so one writer. A journal opened read-only because another instance was writing becomes the writer
 * at the next append once that instance has let go.
 */
public final class JournalAccess implements AutoCloseable {

    private final AppHome home;
    private final JournalKeys keys;
    private JournalDatabase database;

    /** A journal with no keychain: written unsigned (tests and tools); a signed journal stays read-only. */
    public JournalAccess(AppHome home) {
        this(home, JournalKeys.none("No keychain was given to this journal."));
    }

    /** @param keys the OS keychain (never a memory fallback: see {@link KeychainJournalKeys}) */
    public JournalAccess(AppHome home, JournalKeys keys) {
        this.home = home;
        this.keys = keys;
    }

    /** Blocking: call from background work. */
    public synchronized JournalDatabase database() {
        if (database == null) {
            database = JournalDatabase.open(home, keys);
        }
        return database;
    }

    /** Blocking: call from background work. */
    public synchronized JournalWriter writer() {
        if (database().isReadOnly()) {
            JournalDatabase.openWriterIfFree(home, keys).ifPresent(this::replaceWith);
        }
        return new JournalWriter(database);
    }

    private void replaceWith(JournalDatabase writable) {
        // a read still running on the old connection finishes first: close() waits for it
        database.close();
        database = writable;
    }

    public JournalReader reader() {
        return new JournalReader(database());
    }

    public ChainVerifier verifier() {
        return new ChainVerifier(database());
    }

    /** The whole check the journal screen shows: chain, signatures, the keychain's key and head, the triggers. */
    public VerificationReport check() {
        return new JournalVerification(keys).verify(database(), JournalVerification.Options.screen());
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
