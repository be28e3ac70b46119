package com.rolloutcontrolroom.services.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SortedMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip whose bytes depend on its files only: entries sorted by name, every entry stamped with one fixed
 * time (written as MS-DOS local time without the time zone, so no extended-timestamp field), one fixed
 * compression level, no comments, no directory entries, no extra fields. The same files give the same
 * bytes on every run of the same Java runtime.
 */
final class DeterministicZip {

    static final int LEVEL = 6;
    private static final LocalDateTime EARLIEST = LocalDateTime.of(1980, 1, 1, 0, 0);

    private DeterministicZip() {
    }

    /** @param stamp the time every entry carries (the journal head's); one before 1980, which zip cannot hold, becomes 1980-01-01 */
    static void write(SortedMap<String, byte[]> files, Instant stamp, OutputStream out) throws IOException {
        LocalDateTime time = LocalDateTime.ofInstant(stamp.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        if (time.isBefore(EARLIEST)) {
            time = EARLIEST;
        }
        // DOS time counts seconds in twos; an odd second is rounded down the same way every time
        time = time.withSecond(time.getSecond() / 2 * 2);
        // closing the zip releases its deflater; the stream it wrote to stays open for the caller
        try (ZipOutputStream zip = new ZipOutputStream(nonClosing(out))) {
            zip.setLevel(LEVEL);
            zip.setMethod(ZipOutputStream.DEFLATED);
            for (var file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTimeLocal(time);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
