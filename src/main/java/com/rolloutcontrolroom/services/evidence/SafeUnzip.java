package com.rolloutcontrolroom.services.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Extracts a zip someone handed over into a folder, refusing the whole zip, before writing anything,
 * when any entry could write outside the folder or exhaust the disk: {@code ..} segments, absolute
 * paths, drive letters, backslashes, symlinks and other special files, names that repeat (also in
 * another case), encrypted or unknown compression, overlapping entries, more entries or bytes than a
 * bundle gets, and a declared size far above its compressed size. While extracting it stops at an
 * entry that inflates past its declared size, ends short of it, or fails its CRC.
 */
final class SafeUnzip {

    /**
     * @param maxEntries a bundle of 10,000 snapshots holds about 20,000
     * @param maxBytes   the most all entries may expand to
     * @param maxRatio   the most an entry over 1 MiB may expand by; text deflates by 5 to 30, a bomb by 1,000
     */
    record Limits(int maxEntries, long maxBytes, int maxRatio) {
        static final Limits BUNDLE = new Limits(200_000, 8L << 30, 200);
    }

    private static final int LOCAL = 0x04034b50;
    private static final int LOCAL_LENGTH = 30;
    private static final long RATIO_FLOOR = 1 << 20;
    private static final int CHUNK = 1 << 16;

    private final Limits limits;

    SafeUnzip(Limits limits) {
        this.limits = limits;
    }

    /** @return the names of the files written, in zip order @throws ZipDirectory.Refused with one sentence naming the entry */
    List<String> extract(Path zip, Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            List<ZipDirectory.Entry> entries = ZipDirectory.read(channel, limits.maxEntries());
            Map<ZipDirectory.Entry, Long> dataAt = checked(channel, entries, root);
            List<String> written = new ArrayList<>();
            Set<Path> folders = new HashSet<>();
            ByteBuffer input = ByteBuffer.allocate(CHUNK);
            for (ZipDirectory.Entry entry : entries) {
                Path target = root.resolve(entry.name()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                if (folders.add(target.getParent())) {
                    Files.createDirectories(target.getParent());
                }
                extract(channel, entry, dataAt.get(entry), target, input);
                written.add(entry.name());
            }
            return written;
        }
    }

    /** Every check that needs no extraction, for all entries first; returns where each entry's data starts. */
    private Map<ZipDirectory.Entry, Long> checked(FileChannel channel, List<ZipDirectory.Entry> entries, Path root) throws IOException {
        Set<String> names = new HashSet<>();
        Map<String, String> folded = new HashMap<>();
        long total = 0;
        for (ZipDirectory.Entry entry : entries) {
            String name = entry.name();
            String problem = pathProblem(name);
            if (problem == null && !root.resolve(name).normalize().startsWith(root)) {
                problem = "its path leaves the folder it is extracted into";
            }
            if (problem != null) {
                throw refused(name, problem);
            }
            if (!names.add(name)) {
                throw refused(name, "it appears twice, so which copy counts would depend on the tool");
            }
            String other = folded.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (other != null) {
                throw refused(name, "it differs from '" + other + "' only in case, so the two collide on some file systems");
            }
            int type = entry.unixType();
            if (type == 0120000) {
                throw refused(name, "it is a symbolic link, which could point outside the bag");
            }
            if (type != 0 && type != 0100000 && type != 0040000) {
                throw refused(name, "it is a device or other special file, not a plain file");
            }
            if (entry.encrypted()) {
                throw refused(name, "it is encrypted");
            }
            if (entry.method() != 0 && entry.method() != 8) {
                throw refused(name, "it uses compression method " + entry.method() + " (only stored and deflated are read)");
            }
            if (entry.method() == 0 && entry.compressedSize() != entry.size()) {
                throw refused(name, "it is stored uncompressed, yet declares " + entry.size() + " bytes in " + entry.compressedSize());
            }
            if (entry.size() > RATIO_FLOOR && entry.size() > limits.maxRatio() * Math.max(1, entry.compressedSize())) {
                throw refused(name, "it declares " + entry.size() + " bytes from " + entry.compressedSize()
                        + " compressed, a ratio only a zip bomb has");
            }
            total += entry.size();
            if (total > limits.maxBytes()) {
                throw refused(name, "the entries up to it declare " + total + " bytes, more than the " + limits.maxBytes()
                        + " a bundle may expand to");
            }
        }
        for (String name : names) {
            for (int slash = name.indexOf('/'); slash > 0 && slash < name.length() - 1; slash = name.indexOf('/', slash + 1)) {
                if (names.contains(name.substring(0, slash))) {
                    throw refused(name, "a file of the zip has the name of its folder");
                }
            }
        }
        return dataStarts(channel, entries);
    }

    /** Each entry's local header must repeat its name, and no two entries' data may overlap (a bomb's trick). */
    private static Map<ZipDirectory.Entry, Long> dataStarts(FileChannel channel, List<ZipDirectory.Entry> entries) throws IOException {
        Map<ZipDirectory.Entry, Long> starts = new HashMap<>();
        List<ZipDirectory.Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(ZipDirectory.Entry::localHeaderOffset));
        long previousEnd = 0;
        for (ZipDirectory.Entry entry : byOffset) {
            if (entry.localHeaderOffset() < previousEnd) {
                throw refused(entry.name(), "its data overlaps another entry's");
            }
            if (entry.localHeaderOffset() + LOCAL_LENGTH > channel.size()) {
                throw refused(entry.name(), "its data lies beyond the end of the file");
            }
            ByteBuffer header = ZipDirectory.read(channel, entry.localHeaderOffset(), LOCAL_LENGTH);
            int nameLength = ZipDirectory.u16(header, 26);
            int extraLength = ZipDirectory.u16(header, 28);
            if (header.getInt(0) != LOCAL || nameLength > channel.size()) {
                throw refused(entry.name(), "its local header is missing or damaged");
            }
            ByteBuffer name = ZipDirectory.read(channel, entry.localHeaderOffset() + LOCAL_LENGTH, nameLength);
            if (!java.util.Arrays.equals(name.array(), entry.name().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                throw refused(entry.name(), "its local header names another file");
            }
            long start = entry.localHeaderOffset() + LOCAL_LENGTH + nameLength + extraLength;
            previousEnd = start + entry.compressedSize();
            if (previousEnd > channel.size()) {
                throw refused(entry.name(), "its data lies beyond the end of the file");
            }
            starts.put(entry, start);
        }
        return starts;
    }

    private static void extract(FileChannel channel, ZipDirectory.Entry entry, long start, Path target, ByteBuffer input)
            throws IOException {
        CRC32 crc = new CRC32();
        long written = 0;
        Inflater inflater = entry.method() == 8 ? new Inflater(true) : null;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] output = new byte[CHUNK];
            long read = 0;
            while (read < entry.compressedSize() || (inflater != null && !inflater.finished() && !inflater.needsInput())) {
                if (read < entry.compressedSize() && (inflater == null || inflater.needsInput())) {
                    int length = (int) Math.min(CHUNK, entry.compressedSize() - read);
                    ByteBuffer chunk = ZipDirectory.read(channel, start + read, input.clear().limit(length));
                    read += length;
                    if (inflater == null) {
                        written = write(out, crc, chunk.array(), length, written, entry);
                        continue;
                    }
                    inflater.setInput(chunk.array(), 0, length);
                }
                int produced = inflater.inflate(output);
                if (produced == 0 && inflater.needsDictionary()) {
                    throw refused(entry.name(), "its compressed data asks for a preset dictionary, which zip does not use");
                }
                written = write(out, crc, output, produced, written, entry);
                if (inflater.finished()) {
                    break;
                }
            }
            if (inflater != null && !inflater.finished()) {
                throw refused(entry.name(), "its compressed data ends before the file does");
            }
        } catch (DataFormatException e) {
            throw refused(entry.name(), "its compressed data is damaged");
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
        if (written != entry.size()) {
            throw refused(entry.name(), "it declares " + entry.size() + " bytes but holds " + written);
        }
        if (crc.getValue() != entry.crc()) {
            throw refused(entry.name(), "its CRC does not match its content: the zip is damaged");
        }
    }

    private static long write(OutputStream out, CRC32 crc, byte[] bytes, int length, long before, ZipDirectory.Entry entry)
            throws IOException {
        long after = before + length;
        if (after > entry.size()) {
            throw refused(entry.name(), "it expands beyond the " + entry.size() + " bytes it declares");
        }
        out.write(bytes, 0, length);
        crc.update(bytes, 0, length);
        return after;
    }

    /** Why a name may not be extracted, or null. */
    static String pathProblem(String name) {
        if (name.isEmpty()) {
            return "it has no name";
        }
        if (name.indexOf('\\') >= 0) {
            return "its name holds a backslash, which some systems read as a folder separator";
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "its name holds a control character";
        }
        if (name.startsWith("/")) {
            return "its path is absolute";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "its path starts with a drive letter";
        }
        String[] segments = (name.endsWith("/") ? name.substring(0, name.length() - 1) : name).split("/", -1);
        for (String segment : segments) {
            if (segment.equals("..")) {
                return "its path climbs out of the folder (..)";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "its path has an empty or '.' segment";
            }
        }
        return null;
    }

    private static ZipDirectory.Refused refused(String name, String why) {
        return new ZipDirectory.Refused("The zip entry '" + printable(name) + "' is refused: " + why + ".");
    }

    private static String printable(String name) {
        return name.chars().mapToObj(c -> c < 0x20 || c == 0x7f ? "?" : String.valueOf((char) c)).reduce("", String::concat);
    }
}
