package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.services.home.AppHome;

/**
 * Opens the journal on first use (opening runs migrations and a quick_check: I/O that must not run
 * on the FX thread) and closes it on exit. One instance per process, so one writer. A journal opened
 * read-only because another instance was writing becomes the writer at the next append once that
 * instance has let go.
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

    /** Blocking: call from background work. */
    public synchronized JournalWriter writer() {
        if (database().isReadOnly()) {
            JournalDatabase.openWriterIfFree(home).ifPresent(this::replaceWith);
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

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
