package com.rolloutcontrolroom.services.evidence;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Lays a payload out as a BagIt 1.0 bag: {@code bagit.txt}, {@code bag-info.txt} (dated by the journal's
 * head, not the wall clock, so the same journal gives the same bytes), the payload under {@code data/},
 * {@code manifest-sha512.txt} over the payload and {@code tagmanifest-sha512.txt} over the tag files.
 */
final class BagWriter {

    /**
     * What bag-info says about the journal.
     *
     * @param headRecordedAt when the head record was written: the bag's date
     * @param signingKey     the fingerprint of the key that signed the journal; null when it is unsigned
     * @param agent          the app and version that made the bag, so an auditor knows which version renders its report alike
     */
    record Info(String rollout, ChainHead head, Instant headRecordedAt, String signingKey, String agent) {
    }

    private BagWriter() {
    }

    /** The bag's folder name inside the zip: the rollout and the head it was bagged at. */
    static String bagName(Info info) {
        return EvidencePayload.safe(info.rollout()) + "-journal-" + info.head().id();
    }

    /** @param payload by path under {@code data/} ({@code report/report.md}) @return every file of the bag by path inside it, sorted */
    static SortedMap<String, byte[]> bag(Map<String, byte[]> payload, Info info) {
        SortedMap<String, byte[]> data = new TreeMap<>();
        payload.forEach((path, content) -> data.put(BagIt.PAYLOAD + path, content));
        SortedMap<String, byte[]> tags = new TreeMap<>();
        tags.put(BagIt.DECLARATION_FILE, BagIt.DECLARATION.getBytes(StandardCharsets.UTF_8));
        tags.put(BagIt.INFO, bagInfo(info, data).getBytes(StandardCharsets.UTF_8));
        tags.put(BagIt.MANIFEST, BagIt.manifest(data));
        SortedMap<String, byte[]> bag = new TreeMap<>(data);
        bag.putAll(tags);
        bag.put(BagIt.TAG_MANIFEST, BagIt.manifest(tags));
        return bag;
    }

    private static String bagInfo(Info info, Map<String, byte[]> data) {
        long octets = data.values().stream().mapToLong(content -> content.length).sum();
        return BagIt.BAGGING_DATE + ": " + info.headRecordedAt().atOffset(ZoneOffset.UTC).toLocalDate() + "\n"
                + "Bag-Software-Agent: " + info.agent() + "\n"
                + BagIt.EXTERNAL_IDENTIFIER + ": " + info.rollout() + " journal-head " + info.head().id() + "\n"
                + BagIt.ROLLOUT + ": " + info.rollout() + "\n"
                + BagIt.HEAD_ID + ": " + info.head().id() + "\n"
                + BagIt.HEAD_HASH + ": " + info.head().hash() + "\n"
                + BagIt.SIGNING_KEY + ": " + (info.signingKey() == null ? "none (the journal is unsigned)" : info.signingKey()) + "\n"
                + BagIt.PAYLOAD_OXUM + ": " + octets + "." + data.size() + "\n";
    }
}
