package com.rolloutcontrolroom.services.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which process started the server on a data folder. A server whose owner died without stopping it
 * (kill -9, a crash) is an orphan: nobody would write its live traffic or ever stop it.
 */
final class ServerOwnerFile {

    private final Path file;

    ServerOwnerFile(Path dataDir) {
        this.file = dataDir.resolveSibling(dataDir.getFileName() + ".owner");
    }

    void claim() throws IOException {
        Files.writeString(file, Long.toString(ProcessHandle.current().pid()));
    }

    void release() throws IOException {
        Files.deleteIfExists(file);
    }

    boolean ownerAlive() {
        return owner().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private Optional<Long> owner() {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
