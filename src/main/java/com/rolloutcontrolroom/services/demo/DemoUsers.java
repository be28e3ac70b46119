package com.rolloutcontrolroom.services.demo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is using the demo server on a data folder: one file per {@link DemoDatabase} handle (the GUI, a
 * CLI {@code run}, {@code demo-db}), named by its process id. The last user to leave stops the server,
 * whoever started it, so no process stops it under another. A process that died without leaving (kill
 * -9) no longer counts once its pid is gone. Read and changed only under {@link DataFolderLock}.
 */
final class DemoUsers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    private final Path folder;

    DemoUsers(Path dataDir) {
        this.folder = dataDir.resolveSibling(dataDir.getFileName() + ".users");
    }

    /** Registers one more user in this process; the returned file is its ticket for {@link #leave}. */
    Path join() throws IOException {
        Files.createDirectories(folder);
        return Files.createFile(folder.resolve(ProcessHandle.current().pid() + "-" + UUID.randomUUID()));
    }

    void leave(Path ticket) throws IOException {
        Files.deleteIfExists(ticket);
    }

    /** Whether anyone still uses the server (tickets of dead processes are removed on the way). */
    boolean anyoneLeft() throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        boolean alive = false;
        try (DirectoryStream<Path> tickets = Files.newDirectoryStream(folder)) {
            for (Path ticket : tickets) {
                if (processAlive(ticket)) {
                    alive = true;
                } else {
                    LOG.info("Forgetting demo database user {}: its process is gone", ticket.getFileName());
                    Files.deleteIfExists(ticket);
                }
            }
        }
        return alive;
    }

    private static boolean processAlive(Path ticket) {
        String name = ticket.getFileName().toString();
        int dash = name.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? name : name.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
