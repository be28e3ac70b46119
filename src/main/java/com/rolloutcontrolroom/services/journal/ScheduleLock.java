package com.rolloutcontrolroom.services.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Who keeps the monitoring schedule of a journal: one process at a time (the desktop app or {@code watch}),
 * so two never both take a checkpoint. An OS lock on a byte of the journal's lock file that neither
 * {@link WriterLock} nor {@link HeadLock} uses, held for as long as the process keeps the schedule; the OS
 * drops it when the process dies, even by SIGKILL, and another keeper takes over at its next try.
 */
public final class ScheduleLock implements AutoCloseable {

    private static final long LOCKED_BYTE = 3072;
    /** Where the holder writes its pid, apart from the writer lock's. */
    private static final long PID_AT = 512;

    private final FileChannel channel;
    private final FileLock lock;

    private ScheduleLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock if no other process (or keeper of this one) holds it; else empty. */
    static Optional<ScheduleLock> tryHold(Path lockFile) {
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            byte[] pid = String.format(Locale.ROOT, "%-20d", ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
            channel.write(ByteBuffer.wrap(pid), PID_AT);
            return Optional.of(new ScheduleLock(channel, lock));
        } catch (IOException e) {
            throw new UncheckedIOException("The journal's lock file could not be opened: " + e.getMessage(), e);
        }
    }

    /** The pid of the process that last held it (the holder, while it is held); -1 when unknown. */
    static long holder(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(20);
            channel.read(buffer, PID_AT);
            return Long.parseLong(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
