package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.VerificationReport;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.home.Workspace;

/**
 * Opens the journal on first use (opening runs migrations, a quick_check and the writer's keychain
 * checks: I/O that must not run on the FX thread) and closes it on exit. One instance per process,
 * appending beside any other process (the desktop app and a CLI {@code run} both append). A journal
 * left read-only (its key was not in the keychain, the keychain was locked) is opened again at the
 * next append, in case what kept it read-only has been fixed.
 */
public final class JournalAccess implements AutoCloseable {

    private final AppHome home;
    private final Workspace workspace;
    private final JournalKeys keys;
    private JournalDatabase database;

    /** A journal with no keychain: written unsigned (tests and tools); a signed journal stays read-only. */
    public JournalAccess(AppHome home) {
        this(home, JournalKeys.none("No keychain was given to this journal."));
    }

    /** The user's own journal. @param keys the OS keychain (never a memory fallback: see {@link KeychainJournalKeys}) */
    public JournalAccess(AppHome home, JournalKeys keys) {
        this(home, Workspace.REAL, keys);
    }

    /** The journal of {@code workspace}: the user's own, or the demo's. */
    public JournalAccess(AppHome home, Workspace workspace, JournalKeys keys) {
        this.home = home;
        this.workspace = workspace;
        this.keys = keys;
    }

    /** Blocking: call from background work. */
    /** Whether the journal file exists yet; opening it (even to read) would create it. */
    public boolean exists() {
        return java.nio.file.Files.exists(workspace.journal(home));
    }

    /** Whose journal this is: the user's rollouts or the demo's. */
    public Workspace workspace() {
        return workspace;
    }

    public synchronized JournalDatabase database() {
        if (database == null) {
            database = open();
        }
        return database;
    }

    /** Blocking: call from background work. */
    public synchronized JournalWriter writer() {
        if (database().isReadOnly()) {
            replaceWith(open());
        }
        return new JournalWriter(database);
    }

    private JournalDatabase open() {
        return JournalDatabase.open(workspace.journal(home), workspace.journalLock(home), keys);
    }

    private void replaceWith(JournalDatabase writable) {
        // a read still running on the old connection finishes first: close() waits for it
        database.close();
        database = writable;
    }

    /** Keeps the monitoring schedule of this journal if no other process does; empty when another one keeps it. */
    public java.util.Optional<ScheduleLock> tryKeepSchedule() {
        return ScheduleLock.tryHold(workspace.journalLock(home));
    }

    /** The pid of the process keeping the schedule (or that last kept it); -1 when unknown. */
    public long scheduleKeeper() {
        return ScheduleLock.holder(workspace.journalLock(home));
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
