package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.services.home.AppHome;

/**
 * Opens the journal on first use (opening runs migrations and a quick_check: I/O that must not run
 * on the FX thread) and closes it on exit. One instance per process, so one writer.
 */
public final class JournalAccess implements AutoCloseable {

    private final AppHome home;
    private JournalDatabase database;

    public JournalAccess(AppHome home) {
        this.home = home;
    }

    /** Blocking: call from background work. */
    public synchronized JournalDatabase database() {
        if (database == null) {
            database = JournalDatabase.open(home);
        }
        return database;
    }

    public JournalWriter writer() {
        return new JournalWriter(database());
    }

    public JournalReader reader() {
        return new JournalReader(database());
    }

    public ChainVerifier verifier() {
        return new ChainVerifier(database());
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
