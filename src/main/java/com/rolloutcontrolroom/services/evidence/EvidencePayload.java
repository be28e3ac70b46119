package com.rolloutcontrolroom.services.evidence;

import com.rolloutcontrolroom.domain.journal.CanonicalForm;
import com.rolloutcontrolroom.domain.journal.EntryFields;
import com.rolloutcontrolroom.domain.journal.PlanAmended;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.RolloutCreated;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutHistory;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.report.ReportFiles;
import com.rolloutcontrolroom.services.report.VerificationReportWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The bundle's payload that is derived from the journal: the report, the plan in force and its
 * amendments, every snapshot of the rollout (JSON and CSV) and the exact SQL the snapshots ran. A pure
 * function of the records, so the verifier derives it again from the bundle's own journal and compares
 * byte for byte. Paths are relative to the bag's {@code data/} folder.
 */
final class EvidencePayload {

    /** A derived file and what it was derived from, for the sentence naming a file that differs. */
    record Derived(String path, byte[] content, String source) {
    }

    static final String JOURNAL = "journal/journal.jsonl";
    static final String HOW_TO_VERIFY = "HOW-TO-VERIFY.md";
    static final String CHAIN_SCRIPT = "verify_chain.py";
    /** The copies of docs/verify-by-hand.md and scripts/verify_chain.py the build puts on the class path. */
    private static final String RESOURCES = "/evidence/";

    private final VerificationReportWriter report;
    private final SnapshotFiles snapshots = new SnapshotFiles();

    EvidencePayload(VerificationReportWriter report) {
        this.report = report;
    }

    /** The rollouts the records create, in the order they were created. */
    static List<String> rollouts(List<StoredEntry> journal) {
        return journal.stream().filter(stored -> stored.entry() instanceof RolloutCreated)
                .map(stored -> stored.entry().rollout()).distinct().toList();
    }

    /** @throws IllegalArgumentException when the records never created {@code rollout} */
    List<Derived> derived(String rollout, List<StoredEntry> journal) {
        RolloutState state = RolloutHistory.fold(rollout, journal).orElseThrow(() -> new IllegalArgumentException(
                "The journal holds no rollout named " + rollout + "; name one of " + String.join(", ", rollouts(journal)) + "."));
        List<StoredEntry> own = journal.stream().filter(stored -> rollout.equals(stored.entry().rollout())).toList();
        List<Derived> files = new ArrayList<>();
        plan(own, files);
        Map<Long, String> phases = state.snapshots().stream()
                .collect(Collectors.toMap(Recorded::id, recorded -> recorded.phase() == null ? "" : recorded.phase(), (a, b) -> a));
        List<StoredEntry> taken = own.stream().filter(stored -> stored.entry() instanceof SnapshotTaken).toList();
        for (StoredEntry stored : taken) {
            String name = "snapshots/" + snapshots.baseName(stored);
            String source = "journal record " + stored.id();
            files.add(new Derived(name + ".json", snapshots.json(stored, phases.get(stored.id())), source));
            files.add(new Derived(name + ".csv", snapshots.csv(stored), source));
        }
        queries(taken, files);
        ReportFiles rendered = report.write(journal, rollout);
        String source = "the report rendered from the journal";
        files.add(new Derived("report/" + ReportFiles.MARKDOWN_NAME, utf8(rendered.markdown()), source));
        files.add(new Derived("report/" + ReportFiles.HTML_NAME, utf8(rendered.html()), source));
        // each chart at the path the report refers to it by, beside report.md
        rendered.charts().keySet().forEach(path -> files.add(new Derived("report/" + path, rendered.chart(path), source)));
        return files;
    }

    /** The plan in force (the latest amendment's, or the creation's) in canonical form, and each amendment record as hashed. */
    private static void plan(List<StoredEntry> own, List<Derived> files) {
        StoredEntry inForce = null;
        int amendment = 0;
        for (StoredEntry stored : own) {
            if (stored.entry() instanceof RolloutCreated || stored.entry() instanceof PlanAmended) {
                inForce = stored;
            }
            if (stored.entry() instanceof PlanAmended) {
                amendment++;
                files.add(new Derived(String.format(Locale.ROOT, "plan/amendments/%03d.json", amendment),
                        EntryFields.canonicalBytes(stored.id(), stored.entry()), "journal record " + stored.id()));
            }
        }
        if (inForce != null) {
            Map<String, Object> plan = inForce.entry() instanceof PlanAmended amended ? amended.plan() : ((RolloutCreated) inForce.entry()).plan();
            files.add(new Derived("plan/plan.json", CanonicalForm.encode(plan), "the plan of journal record " + inForce.id()));
        }
    }

    /** Each query's exact SQL; a query whose text changed over time keeps every version, named by a short hash. */
    private static void queries(List<StoredEntry> taken, List<Derived> files) {
        Map<String, Set<String>> versions = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (StoredEntry stored : taken) {
            for (QueryResult query : ((SnapshotTaken) stored.entry()).queries()) {
                String safe = safe(query.name());
                versions.computeIfAbsent(safe, key -> new LinkedHashSet<>()).add(query.name() + "\u0000" + query.sql());
                names.putIfAbsent(safe, query.name());
            }
        }
        versions.forEach((safe, texts) -> {
            for (String text : texts) {
                String sql = text.substring(text.indexOf('\u0000') + 1);
                String name = texts.size() == 1 ? safe : safe + "-" + shortHash(text);
                files.add(new Derived("queries/" + name + ".sql", utf8(sql), "the SQL the rollout's snapshots recorded"));
            }
        });
    }

    static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9+._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    private static String shortHash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(text))).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime ships SHA-256", e);
        }
    }

    /** The checked-in how-to ({@code docs/verify-by-hand.md}) and chain script, as this version of the app ships them. */
    static byte[] resource(String name) {
        String resource = RESOURCES + (name.equals(HOW_TO_VERIFY) ? "verify-by-hand.md" : name);
        try (InputStream in = EvidencePayload.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The build left " + resource + " out of the application; rebuild it.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
