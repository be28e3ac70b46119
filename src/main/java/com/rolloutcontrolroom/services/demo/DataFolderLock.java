package com.rolloutcontrolroom.services.demo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Serialises "is a server running on this folder? if not, start one" between processes (the GUI,
 * {@code demo-db} and a CLI run may start together). The lock file sits next to the data folder
 * because initdb insists on an empty folder.
 */
final class DataFolderLock implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataFolderLock acquire(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolveSibling(dataDir.getFileName() + ".start-lock");
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                try {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        return new DataFolderLock(channel, lock);
                    }
                } catch (OverlappingFileLockException sameJvmHoldsIt) {
                    // another thread of this JVM is starting: wait like for another process
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("Another process has been starting the demo database in " + dataDir
                            + " for over " + WAIT.toSeconds() + " s; stop it or try again.");
                }
                Thread.sleep(100);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting to start the demo database", e);
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
}
