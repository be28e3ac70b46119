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
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who keeps the monitoring schedule of a journal: one process at a time (the desktop app or {@code watch}),
 * so two never both take a checkpoint. An OS lock on a file of its own beside the journal's lock file, held
 * for as long as the process keeps the schedule; the OS drops it when the process dies, even by SIGKILL,
 * and another keeper takes over at its next try.
 * <p>
 * Its own file, and no second channel on it in this process while held: on POSIX systems closing <em>any</em>
 * descriptor of a file drops every lock the process holds on it, so a journal write (which opens and closes
 * the journal's lock file) or a look at the keeper's pid would silently let another process keep the schedule too.
 */
public final class ScheduleLock implements AutoCloseable {

    private static final long LOCKED_BYTE = 0;
    /** Where the holder writes its pid, apart from the locked byte. */
    private static final long PID_AT = 512;
    /** The schedule files this process holds, so it never opens (and closes) another channel on one of them. */
    private static final Map<Path, ScheduleLock> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ScheduleLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** "journal.lock" -> "journal.schedule.lock", beside it. */
    static Path scheduleFile(Path journalLockFile) {
        Path absolute = journalLockFile.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        String stem = name.endsWith(".lock") ? name.substring(0, name.length() - ".lock".length()) : name;
        return absolute.resolveSibling(stem + ".schedule.lock");
    }

    /** The lock if no other process (or keeper of this one) holds it; else empty. */
    static Optional<ScheduleLock> tryHold(Path journalLockFile) {
        Path file = scheduleFile(journalLockFile);
        synchronized (HELD) {
            if (HELD.containsKey(file)) {
                return Optional.empty();
            }
            try {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock(LOCKED_BYTE, 1, false);
                } catch (OverlappingFileLockException sameProcess) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close(); // this process holds no lock on the file (HELD says so): closing drops nothing
                    return Optional.empty();
                }
                byte[] pid = String.format(Locale.ROOT, "%-20d", ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
                channel.write(ByteBuffer.wrap(pid), PID_AT);
                ScheduleLock held = new ScheduleLock(file, channel, lock);
                HELD.put(file, held);
                return Optional.of(held);
            } catch (IOException e) {
                throw new UncheckedIOException("The journal's schedule lock file could not be opened: " + e.getMessage(), e);
            }
        }
    }

    /** The pid of the process that last held it (the holder, while it is held); -1 when unknown. */
    static long holder(Path journalLockFile) {
        Path file = scheduleFile(journalLockFile);
        synchronized (HELD) {
            if (HELD.containsKey(file)) {
                return ProcessHandle.current().pid();
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(20);
                channel.read(buffer, PID_AT);
                return Long.parseLong(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim());
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (HELD.get(file) != this) {
                return;
            }
            HELD.remove(file);
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
