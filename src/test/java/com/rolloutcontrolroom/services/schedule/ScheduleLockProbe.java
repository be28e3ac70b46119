package com.rolloutcontrolroom.services.schedule;

import java.nio.file.Path;
import java.util.Optional;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.ScheduleLock;

/** A second process's try for a data folder's schedule lock: prints "kept" or "kept by PID", then exits. */
public final class ScheduleLockProbe {

    private ScheduleLockProbe() {
    }

    public static void main(String[] args) {
        try (JournalAccess journal = new JournalAccess(new AppHome(Path.of(args[0])))) {
            Optional<ScheduleLock> lock = journal.tryKeepSchedule();
            System.out.println(lock.isPresent() ? "kept" : "kept by " + journal.scheduleKeeper());
            lock.ifPresent(ScheduleLock::close);
        }
    }
}
