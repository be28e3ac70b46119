package com.rolloutcontrolroom.services.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a zip's central directory by hand, because {@code java.util.zip} hides what a safe extraction
 * must see: the Unix file type in the external attributes (a symlink entry), repeated names, and where
 * each entry's data lies (overlapping entries are how the worst zip bombs are made). Nothing is
 * extracted here; {@link SafeUnzip} decides and extracts.
 */
final class ZipDirectory {

    /** One central-directory record, as declared. */
    record Entry(String name, int madeBy, int flags, int method, long crc, long compressedSize, long size,
                 long localHeaderOffset, long externalAttributes) {

        private static final int UNIX = 3;

        boolean isDirectory() {
            return name.endsWith("/");
        }

        /** The Unix file type (S_IFMT bits), or 0 when the entry was not made on Unix. */
        int unixType() {
            return (madeBy >> 8) == UNIX ? (int) ((externalAttributes >> 16) & 0170000) : 0;
        }

        boolean encrypted() {
            return (flags & 1) != 0;
        }
    }

    static final class Refused extends IOException {
        Refused(String sentence) {
            super(sentence);
        }
    }

    private static final int END = 0x06054b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END_LENGTH = 22;
    private static final long ZIP64 = 0xFFFFFFFFL;

    private ZipDirectory() {
    }

    /** @throws Refused with one sentence when the directory is damaged, spans disks, is ZIP64 or holds more than {@code maxEntries} */
    static List<Entry> read(FileChannel zip, int maxEntries) throws IOException {
        long size = zip.size();
        ByteBuffer end = endRecord(zip, size);
        int disk = u16(end, 4);
        int directoryDisk = u16(end, 6);
        int onDisk = u16(end, 8);
        int total = u16(end, 10);
        long directorySize = u32(end, 12);
        long directoryOffset = u32(end, 16);
        if (disk != 0 || directoryDisk != 0 || onDisk != total) {
            throw new Refused("The zip spans several disks; a bundle is one file.");
        }
        if (total == 0xFFFF || directorySize == ZIP64 || directoryOffset == ZIP64) {
            throw new Refused("The zip is in ZIP64 form, far larger than an evidence bundle gets; it is refused.");
        }
        if (total > maxEntries) {
            throw new Refused("The zip declares " + total + " entries, more than the " + maxEntries + " a bundle may hold.");
        }
        if (directoryOffset + directorySize > size) {
            throw new Refused("The zip's central directory lies beyond the end of the file: the file is damaged or cut off.");
        }
        ByteBuffer directory = read(zip, directoryOffset, (int) directorySize);
        List<Entry> entries = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < total; i++) {
            if (at + 46 > directory.limit() || directory.getInt(at) != CENTRAL) {
                throw new Refused("The zip's central directory is damaged at entry " + (i + 1) + ".");
            }
            int nameLength = u16(directory, at + 28);
            int extraLength = u16(directory, at + 30);
            int commentLength = u16(directory, at + 32);
            if (at + 46 + nameLength + extraLength + commentLength > directory.limit()) {
                throw new Refused("The zip's central directory is damaged at entry " + (i + 1) + ".");
            }
            int flags = u16(directory, at + 8);
            String name = name(directory, at + 46, nameLength, (flags & 0x800) != 0, i + 1);
            Entry entry = new Entry(name, u16(directory, at + 4), flags, u16(directory, at + 10), u32(directory, at + 16),
                    u32(directory, at + 20), u32(directory, at + 24), u32(directory, at + 42), u32(directory, at + 38));
            if (entry.compressedSize() == ZIP64 || entry.size() == ZIP64 || entry.localHeaderOffset() == ZIP64) {
                throw new Refused("The zip entry '" + name + "' is in ZIP64 form, far larger than an evidence bundle gets.");
            }
            entries.add(entry);
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    /** The end-of-central-directory record: within the last 64 KiB + 22 bytes, searched backwards past any comment. */
    private static ByteBuffer endRecord(FileChannel zip, long size) throws IOException {
        if (size < END_LENGTH) {
            throw new Refused("The file is too short to be a zip.");
        }
        int tail = (int) Math.min(size, END_LENGTH + 0xFFFF);
        ByteBuffer buffer = read(zip, size - tail, tail);
        for (int at = tail - END_LENGTH; at >= 0; at--) {
            if (buffer.getInt(at) == END && at + END_LENGTH + u16(buffer, at + 20) == tail) {
                return buffer.slice(at, END_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        throw new Refused("The file is not a zip (it has no end-of-central-directory record).");
    }

    private static String name(ByteBuffer directory, int at, int length, boolean utf8, int index) throws Refused {
        byte[] bytes = new byte[length];
        directory.get(at, bytes);
        for (byte b : bytes) {
            if (b < 0 && !utf8) {
                // CP437 or whatever the tool's locale was: the name would mean different things to different readers
                throw new Refused("The zip entry " + index + " has a non-ASCII name that is not marked as UTF-8.");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("The zip entry " + index + " has a name that is not valid UTF-8.");
        }
    }

    static ByteBuffer read(FileChannel zip, long position, int length) throws IOException {
        return read(zip, position, ByteBuffer.allocate(length));
    }

    /** Fills {@code buffer} up to its limit from {@code position}; its array holds the bytes from index 0. */
    static ByteBuffer read(FileChannel zip, long position, ByteBuffer buffer) throws IOException {
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (zip.read(buffer, position + buffer.position()) < 0) {
                throw new Refused("The zip ends in the middle of an entry: the file is damaged or cut off.");
            }
        }
        return buffer.flip();
    }

    static int u16(ByteBuffer buffer, int at) {
        return Short.toUnsignedInt(buffer.getShort(at));
    }

    static long u32(ByteBuffer buffer, int at) {
        return Integer.toUnsignedLong(buffer.getInt(at));
    }
}
