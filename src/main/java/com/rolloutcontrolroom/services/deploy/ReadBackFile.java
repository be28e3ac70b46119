package com.rolloutcontrolroom.services.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

import com.rolloutcontrolroom.domain.deploy.ReadBack;

/**
 * The file {@code vercel env pull} writes the project's variables into: in a fresh folder only this user
 * may enter, made owner-only (0600) before it is read, read for the rollout's flags alone (the rest of the
 * file may hold secrets and is never looked at), and deleted with its folder at once.
 */
final class ReadBackFile implements AutoCloseable {

    private final Path folder;
    private final Path file;

    ReadBackFile() {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            folder = posix ? Files.createTempDirectory("control-room-flags",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("control-room-flags");
            file = folder.resolve("flags.env");
        } catch (IOException e) {
            throw new UncheckedIOException("No private temporary folder for the read-back could be made", e);
        }
    }

    String path() {
        return file.toString();
    }

    /** The flags' values as the CLI wrote them; empty when it wrote no file. */
    Map<String, String> read(Set<String> flags) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return ReadBack.values(Files.readString(file, StandardCharsets.UTF_8), flags);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("The read-back file " + file + " could not be deleted; delete it by hand", e);
        }
    }
}
