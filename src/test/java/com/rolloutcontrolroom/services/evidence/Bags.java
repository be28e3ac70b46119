package com.rolloutcontrolroom.services.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A bundle's entries as a map, changed and zipped again; with the manifests recomputed when a test forges one. */
final class Bags {

    private Bags() {
    }

    static SortedMap<String, byte[]> entries(byte[] zip) {
        SortedMap<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static byte[] zip(SortedMap<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DeterministicZip.write(entries, Instant.parse("2026-03-09T12:00:00Z"), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The one bag folder's name with its slash: {@code NAME-journal-12/}. */
    static String folder(SortedMap<String, byte[]> entries) {
        String first = entries.firstKey();
        return first.substring(0, first.indexOf('/') + 1);
    }

    /** What a forger does after changing a file: the manifest, Payload-Oxum and tag manifest made to match again. */
    static SortedMap<String, byte[]> rebagged(SortedMap<String, byte[]> entries) {
        String folder = folder(entries);
        SortedMap<String, byte[]> payload = new TreeMap<>();
        SortedMap<String, byte[]> tags = new TreeMap<>();
        entries.forEach((name, content) -> {
            String inBag = name.substring(folder.length());
            if (inBag.startsWith(BagIt.PAYLOAD)) {
                payload.put(inBag, content);
            } else if (!inBag.equals(BagIt.TAG_MANIFEST)) {
                tags.put(inBag, content);
            }
        });
        long octets = payload.values().stream().mapToLong(content -> content.length).sum();
        String info = new String(tags.get(BagIt.INFO), StandardCharsets.UTF_8)
                .replaceAll("Payload-Oxum: \\S+", "Payload-Oxum: " + octets + "." + payload.size());
        tags.put(BagIt.INFO, info.getBytes(StandardCharsets.UTF_8));
        tags.put(BagIt.MANIFEST, BagIt.manifest(payload));
        SortedMap<String, byte[]> bag = new TreeMap<>(entries);
        tags.forEach((name, content) -> bag.put(folder + name, content));
        bag.put(folder + BagIt.TAG_MANIFEST, BagIt.manifest(tags));
        return bag;
    }

    static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
