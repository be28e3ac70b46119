package com.rolloutcontrolroom.services.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises "read the head the keychain keeps, write ours if it is newer" between every process and
 * thread appending to one journal, so two appenders finishing out of order never move the kept head
 * back. A byte of the writer-lock file that {@link WriterLock} does not use; the OS lock is per
 * process, so threads of one process also queue on a lock of their own.
 */
final class HeadLock {

    private static final long LOCKED_BYTE = 2048;
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    @FunctionalInterface
    interface Work {
        void run();
    }

    private final Path lockFile;

    HeadLock(Path lockFile) {
        this.lockFile = lockFile.toAbsolutePath().normalize();
    }

    void holding(Work work) throws IOException {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        inProcess.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock(LOCKED_BYTE, 1, false)) {
            work.run();
        } finally {
            inProcess.unlock();
        }
    }
}
