package com.rolloutcontrolroom.services.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zips byte by byte, so a test can make what java.util.zip refuses to: repeated names, symlink
 * entries, sizes that lie, entries sharing their data. What an attacker's tool writes.
 */
final class HandZip {

    private record Entry(String name, byte[] data, boolean deflate, int madeBy, long externalAttributes, long declaredSize,
                         Integer offsetOf) {
    }

    private static final int UNIX = 3 << 8 | 30;
    private final List<Entry> entries = new ArrayList<>();

    HandZip file(String name, byte[] data) {
        entries.add(new Entry(name, data, true, 20, 0, data.length, null));
        return this;
    }

    HandZip file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A Unix symlink entry whose content is its target, as {@code zip -y} writes it. */
    HandZip symlink(String name, String target) {
        entries.add(new Entry(name, target.getBytes(StandardCharsets.UTF_8), false, UNIX, 0120777L << 16, target.length(), null));
        return this;
    }

    /** An entry that declares {@code declared} bytes whatever it holds. */
    HandZip lying(String name, byte[] data, long declared) {
        entries.add(new Entry(name, data, true, 20, 0, declared, null));
        return this;
    }

    /** A second directory record for the data of entry {@code index}, under another name. */
    HandZip sharing(String name, int index) {
        Entry shared = entries.get(index);
        entries.add(new Entry(name, shared.data(), shared.deflate(), 20, 0, shared.data().length, index));
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (Entry entry : entries) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            byte[] stored = entry.deflate() ? deflate(entry.data()) : entry.data();
            CRC32 crc = new CRC32();
            crc.update(entry.data());
            int offset;
            if (entry.offsetOf() != null) {
                offset = offsets.get(entry.offsetOf());
            } else {
                offset = out.size();
                out.writeBytes(le(0x04034b50, 4, 20, 2, 0x800, 2, entry.deflate() ? 8 : 0, 2, 0, 2, 0x21, 2, crc.getValue(), 4,
                        stored.length, 4, entry.declaredSize(), 4, name.length, 2, 0, 2));
                out.writeBytes(name);
                out.writeBytes(stored);
            }
            offsets.add(offset);
            directory.writeBytes(le(0x02014b50, 4, entry.madeBy(), 2, 20, 2, 0x800, 2, entry.deflate() ? 8 : 0, 2, 0, 2, 0x21, 2,
                    crc.getValue(), 4, stored.length, 4, entry.declaredSize(), 4, name.length, 2, 0, 2, 0, 2, 0, 2, 0, 2,
                    entry.externalAttributes(), 4, offset, 4));
            directory.writeBytes(name);
        }
        int start = out.size();
        out.writeBytes(directory.toByteArray());
        out.writeBytes(le(0x06054b50, 4, 0, 2, 0, 2, entries.size(), 2, entries.size(), 2, directory.size(), 4, start, 4, 0, 2));
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** Little-endian fields: value, width, value, width, … */
    private static byte[] le(long... fields) {
        int length = 0;
        for (int i = 1; i < fields.length; i += 2) {
            length += (int) fields[i];
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] == 2) {
                buffer.putShort((short) fields[i]);
            } else {
                buffer.putInt((int) fields[i]);
            }
        }
        return buffer.array();
    }
}
