package com.rolloutcontrolroom.services.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * An OS file lock held while a process opens the journal for writing: migrations, the writer's
 * keychain checks, enrollment and trigger repair run in one process at a time. Appends do not need
 * it (each is one {@code BEGIN IMMEDIATE} transaction, serialised by SQLite across processes), so
 * it is released once the journal is open and the desktop app and a CLI {@code run} both append.
 * The OS releases it when the process dies, even by SIGKILL, so a crash never leaves a stale lock.
 * The pid is written at the start of the file and the lock covers a byte beyond it, so another
 * process can still read who holds it (Windows locks are mandatory for the locked range).
 */
final class WriterLock implements AutoCloseable {

    private static final long LOCKED_BYTE = 1024;
    private static final long POLL_MILLIS = 20;

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty with the holder's pid (-1 if unreadable) when another writer has it. */
    static Result tryAcquire(Path lockFile) throws IOException {
        return acquire(lockFile, Duration.ZERO);
    }

    /** Waits up to {@code wait} for the lock (another process, or another thread of this one, may be opening). */
    static Result acquire(Path lockFile, Duration wait) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        FileLock lock;
        try {
            while (true) {
                try {
                    lock = channel.tryLock(LOCKED_BYTE, 1, false);
                } catch (OverlappingFileLockException sameProcess) {
                    lock = null;
                }
                if (lock != null || System.nanoTime() >= deadline) {
                    break;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            long holder = readPid(channel);
            channel.close();
            return new Result(Optional.empty(), holder);
        }
        long pid = ProcessHandle.current().pid();
        byte[] text = String.format(java.util.Locale.ROOT, "%-20d%n", pid).getBytes(StandardCharsets.US_ASCII);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.force(false);
        return new Result(Optional.of(new WriterLock(channel, lock)), pid);
    }

    private static long readPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    record Result(Optional<WriterLock> lock, long holderPid) {
    }
}
