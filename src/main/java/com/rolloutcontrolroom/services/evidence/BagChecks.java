package com.rolloutcontrolroom.services.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The BagIt 1.0 checks (RFC 8493) of an extracted bag: the declaration, every manifest line against the
 * file it names and every file against a manifest line (payload in {@code manifest-sha512.txt}, tag files
 * in {@code tagmanifest-sha512.txt}), and Payload-Oxum. What any BagIt validator checks, each problem
 * one sentence naming the file and line.
 */
final class BagChecks {

    /**
     * @param info     bag-info.txt's labels (the first value of each)
     * @param payload  size of each payload file, by path in the bag ({@code data/…})
     */
    record Checked(Map<String, String> info, Map<String, Long> payload, int tagFiles, List<String> problems) {
    }

    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]+)[ \\t]+(.+)");
    private static final Pattern MANIFEST = Pattern.compile("(tag)?manifest-([a-z0-9]+)\\.txt");

    private BagChecks() {
    }

    /** @param files every file extracted, by path inside the bag folder */
    static Checked check(Path bag, List<String> files) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> checksums = new TreeMap<>();
        Map<String, Long> payload = new TreeMap<>();
        Set<String> tags = new TreeSet<>();
        for (String file : files) {
            checksums.put(file, sha512(bag.resolve(file)));
            Matcher manifest = MANIFEST.matcher(file);
            if (file.startsWith(BagIt.PAYLOAD)) {
                payload.put(file, Files.size(bag.resolve(file)));
            } else if (manifest.matches() && !manifest.group(2).equals("sha512")) {
                problems.add(file + " uses the " + manifest.group(2) + " algorithm, which this verifier does not check;"
                        + " a bundle carries sha512 manifests only.");
            } else if (!file.equals(BagIt.TAG_MANIFEST)) {
                tags.add(file);
            }
        }
        declaration(bag, files, problems);
        manifest(bag, BagIt.MANIFEST, payload.keySet(), checksums, files, problems);
        manifest(bag, BagIt.TAG_MANIFEST, tags, checksums, files, problems);
        Map<String, String> info = files.contains(BagIt.INFO) ? info(bag.resolve(BagIt.INFO), problems) : Map.of();
        if (!files.contains(BagIt.INFO)) {
            problems.add("The bag has no " + BagIt.INFO + ", so it names no journal head and no Payload-Oxum.");
        } else {
            oxum(info, payload, problems);
        }
        return new Checked(info, payload, tags.size(), problems);
    }

    private static void declaration(Path bag, List<String> files, List<String> problems) throws IOException {
        if (!files.contains(BagIt.DECLARATION_FILE)) {
            problems.add("The bag has no " + BagIt.DECLARATION_FILE + ", so it is not a BagIt bag.");
            return;
        }
        List<String> lines = lines(Files.readAllBytes(bag.resolve(BagIt.DECLARATION_FILE)));
        if (lines.size() != 2 || !lines.get(0).equals("BagIt-Version: 1.0")
                || !lines.get(1).equals("Tag-File-Character-Encoding: UTF-8")) {
            problems.add(BagIt.DECLARATION_FILE + " does not declare BagIt-Version 1.0 with UTF-8 tag files.");
        }
    }

    /** Every line names a present file of {@code expected} with its checksum; every file of {@code expected} has a line. */
    private static void manifest(Path bag, String manifest, Set<String> expected, Map<String, String> checksums, List<String> files,
                                 List<String> problems) throws IOException {
        if (!files.contains(manifest)) {
            problems.add("The bag has no " + manifest + ", so " + (manifest.equals(BagIt.MANIFEST) ? "its payload" : "its tag files")
                    + " cannot be checked.");
            return;
        }
        List<String> lines = lines(Files.readAllBytes(bag.resolve(manifest)));
        Map<String, Integer> listed = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = manifest + " line " + (i + 1);
            Matcher line = LINE.matcher(lines.get(i));
            if (!line.matches() || line.group(1).length() != 128) {
                problems.add(where + " is not a 128-digit SHA-512 checksum followed by a path.");
                continue;
            }
            String path = BagIt.decodePath(line.group(2));
            if (listed.putIfAbsent(path, i + 1) != null) {
                problems.add(where + " lists " + path + " a second time.");
            } else if (!expected.contains(path)) {
                problems.add(where + " lists " + path + (checksums.containsKey(path) ? ", which belongs in the other manifest."
                        : ", which is not in the bag: it was removed."));
            } else if (!line.group(1).toLowerCase(Locale.ROOT).equals(checksums.get(path))) {
                problems.add(path + " does not match its checksum in " + where + ": it was changed after it was bagged.");
            }
        }
        for (String file : expected) {
            if (!listed.containsKey(file)) {
                problems.add(file + " is not listed in " + manifest + ": it was added after the bag was made.");
            }
        }
    }

    private static Map<String, String> info(Path file, List<String> problems) throws IOException {
        Map<String, String> info = new LinkedHashMap<>();
        String label = null;
        List<String> lines = lines(Files.readAllBytes(file));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && label != null) {
                info.computeIfPresent(label, (key, value) -> value + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add(BagIt.INFO + " line " + (i + 1) + " is not 'Label: value'.");
                continue;
            }
            label = line.substring(0, colon).strip();
            info.putIfAbsent(label, line.substring(colon + 1).strip());
        }
        return info;
    }

    private static void oxum(Map<String, String> info, Map<String, Long> payload, List<String> problems) {
        String oxum = info.get(BagIt.PAYLOAD_OXUM);
        long octets = payload.values().stream().mapToLong(Long::longValue).sum();
        String actual = octets + "." + payload.size();
        if (oxum == null) {
            problems.add(BagIt.INFO + " has no " + BagIt.PAYLOAD_OXUM + ".");
        } else if (!oxum.equals(actual)) {
            problems.add(BagIt.INFO + "'s " + BagIt.PAYLOAD_OXUM + " is " + oxum + " (octets.files), but the payload holds "
                    + octets + " bytes in " + payload.size() + " files.");
        }
    }

    /** RFC 8493: lines end with LF, CR or CRLF; a final line break ends the last line rather than starting an empty one. */
    static List<String> lines(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static String sha512(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-512"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime ships SHA-512", e);
        }
    }
}
