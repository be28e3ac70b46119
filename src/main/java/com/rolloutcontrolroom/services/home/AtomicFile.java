package com.rolloutcontrolroom.services.home;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that it appears whole or not at all: the content goes to a temporary file beside
 * it (same folder, so the rename cannot cross file systems), is synced, then renamed over it. A crash
 * or a failed write leaves the old file or none, never half of one.
 */
public final class AtomicFile {

    /** Writes the content; what it returns (a record count, say) is passed back. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    /** The temporary file beside the target could not be created (no permission, no such folder, a full disk). */
    public static final class NotCreatable extends IOException {
        NotCreatable(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private AtomicFile() {
    }

    /** @param beforeMove runs after the content is on disk and before it takes the name; it may refuse by throwing */
    public static <T> T write(Path file, Content<T> content, Runnable beforeMove) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            FileChannel channel;
            try {
                channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new NotCreatable(e);
            }
            T result;
            try (FileChannel open = channel; OutputStream out = Channels.newOutputStream(open)) {
                result = content.writeTo(out);
                out.flush();
                // on disk before it takes the name, so a crash leaves the old file or the whole new one
                open.force(true);
            }
            beforeMove.run();
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return result;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
