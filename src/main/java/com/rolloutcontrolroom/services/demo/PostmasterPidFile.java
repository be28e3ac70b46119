package com.rolloutcontrolroom.services.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's {@code postmaster.pid} in a data folder: line 1 is the postmaster's pid, line 4 its port.
 * It exists while a server runs on the folder, and stays behind after a crash or a kill -9.
 */
record PostmasterPidFile(long pid, int port) {

    static final String FILE_NAME = "postmaster.pid";

    /** Empty if there is no file; {@code IllegalStateException} naming the file if it cannot be understood. */
    static Optional<PostmasterPidFile> read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(new PostmasterPidFile(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot understand " + file
                    + "; if no PostgreSQL runs on that folder, delete the file and start again.", e);
        }
    }

    /** Alive and not a zombie: an exited postmaster lingers as a zombie until init reaps it, which can take seconds. */
    boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie();
    }

    private boolean zombie() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException | RuntimeException notLinuxOrGone) {
            return false;
        }
    }

    /** Waits up to {@code timeout} for the postmaster to exit; true if it did. */
    boolean awaitExit(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** False only when we can see the command and it is not PostgreSQL: the pid was reused after a crash or reboot. */
    boolean processLooksLikePostgres() {
        return ProcessHandle.of(pid)
                .flatMap(process -> process.info().command())
                .map(command -> command.contains("postgres"))
                .orElse(true);
    }
}
