package com.rolloutcontrolroom.services.evidence;

import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.query.RecordedMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a bag holds against what its journal says: every snapshot's metrics recomputed from its rows and
 * its verdicts from those numbers and its bands (the app's own code), and every file derived from the
 * journal (report, plan, amendments, snapshots, queries) derived again and compared byte for byte.
 */
final class EvidenceChecks {

    private final EvidencePayload payload;
    private final SnapshotFiles snapshotFiles = new SnapshotFiles();

    EvidenceChecks(EvidencePayload payload) {
        this.payload = payload;
    }

    /** @param payloadFiles the bag's payload by path in the bag ({@code data/…}) */
    void check(Path bag, Set<String> payloadFiles, List<StoredEntry> journal, String rollout, List<String> problems,
               List<String> checked) throws IOException {
        List<StoredEntry> snapshots = journal.stream()
                .filter(stored -> stored.entry() instanceof SnapshotTaken && rollout.equals(stored.entry().rollout())).toList();
        int disagreeing = 0;
        for (StoredEntry stored : snapshots) {
            SnapshotTaken snapshot = (SnapshotTaken) stored.entry();
            String where = BagIt.PAYLOAD + "snapshots/" + snapshotFiles.baseName(stored) + ".json (journal record " + stored.id() + ")";
            List<String> differences = new java.util.ArrayList<>(RecordedMetrics.metricDifferences(snapshot));
            differences.addAll(RecordedMetrics.verdictDifferences(snapshot));
            differences.forEach(difference -> problems.add(where + ": " + difference + "."));
            disagreeing += differences.isEmpty() ? 0 : 1;
        }
        if (disagreeing == 0) {
            checked.add("snapshots: " + snapshots.size() + " of " + rollout + ", each one's metrics recomputed from its rows"
                    + " and its verdicts from those numbers and its thresholds agree with what it recorded");
        }
        List<EvidencePayload.Derived> expected;
        try {
            expected = payload.derived(rollout, journal);
        } catch (IllegalArgumentException e) {
            problems.add(BagIt.INFO + " names the rollout " + rollout + ", which " + BagIt.PAYLOAD + EvidencePayload.JOURNAL
                    + " never created.");
            return;
        }
        int before = problems.size();
        Set<String> known = new HashSet<>();
        for (EvidencePayload.Derived file : expected) {
            compare(bag, payloadFiles, BagIt.PAYLOAD + file.path(), file.content(), file.source(), problems);
            known.add(BagIt.PAYLOAD + file.path());
        }
        for (String shipped : List.of(EvidencePayload.HOW_TO_VERIFY, EvidencePayload.CHAIN_SCRIPT)) {
            compare(bag, payloadFiles, BagIt.PAYLOAD + shipped, EvidencePayload.resource(shipped),
                    "the copy this version of the app ships", problems);
            known.add(BagIt.PAYLOAD + shipped);
        }
        known.add(BagIt.PAYLOAD + EvidencePayload.JOURNAL);
        for (String file : payloadFiles) {
            if (!known.contains(file)) {
                problems.add(file + " is not derived from the journal, so it does not belong in the bundle.");
            }
        }
        if (problems.size() == before) {
            checked.add("derived files: the report, the plan, " + snapshots.size() * 2 + " snapshot files and the query files ("
                    + expected.size() + " in all) equal what the journal gives, rendered again from it");
        }
    }

    private static void compare(Path bag, Set<String> payloadFiles, String path, byte[] expected, String source, List<String> problems)
            throws IOException {
        if (!payloadFiles.contains(path)) {
            problems.add(path + " is missing, though " + source + " gives it.");
            return;
        }
        byte[] actual = Files.readAllBytes(bag.resolve(path));
        if (path.endsWith(".png")) {
            // pixels follow the fonts of the machine that painted them, so an auditor's machine paints other bytes;
            // the manifests hold the chart as exported, and here it must be a PNG of the size the journal gives
            if (!Arrays.equals(pngSize(actual), pngSize(expected))) {
                problems.add(path + " is not the chart " + source + " gives: not a PNG of its size.");
            }
            return;
        }
        if (!Arrays.equals(actual, expected)) {
            problems.add(path + " differs from " + source + (path.endsWith(".png") ? "" : " at line " + firstDifferentLine(actual, expected))
                    + ".");
        }
    }

    /** The PNG signature and the IHDR width and height (bytes 0–23); null for what is not a PNG. */
    private static byte[] pngSize(byte[] png) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (png.length < 24 || !Arrays.equals(Arrays.copyOf(png, 8), signature)) {
            return null;
        }
        return Arrays.copyOfRange(png, 16, 24);
    }

    static int firstDifferentLine(byte[] a, byte[] b) {
        int line = 1;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return line;
            }
            if (a[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
