package com.rolloutcontrolroom.services.evidence;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.journal.VerificationReport;
import com.rolloutcontrolroom.services.home.AtomicFile;
import com.rolloutcontrolroom.services.report.VerificationReportWriter;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the evidence bundle of a rollout: one BagIt 1.0 bag in a deterministic zip, made from the
 * journal only (its JSON Lines export, read back and checked by the chain's rules), so the same journal
 * gives a byte-identical zip. Before anything is written every text file is checked for secrets.
 */
public final class EvidenceExporter {

    /**
     * A built bundle.
     *
     * @param payloadFiles  the files under {@code data/}
     * @param payloadOctets their size, as Payload-Oxum says
     */
    public record Bundle(String rollout, ChainHead head, int payloadFiles, long payloadOctets, byte[] zip) {
    }

    private final EvidencePayload payload;
    private final String agent;

    /** @param agent the app and its version, as bag-info's Bag-Software-Agent ("Rollout Control Room 1.4.0") */
    public EvidenceExporter(VerificationReportWriter report, String agent) {
        this.payload = new EvidencePayload(report);
        this.agent = agent;
    }

    /**
     * The bundle of a journal that verified (the caller ran {@code JournalVerification}). Blocking: reads the whole journal.
     *
     * @param rollout the rollout to bundle; null for the only one the journal holds
     * @throws IllegalArgumentException naming the rollout to choose
     * @throws IllegalStateException    when the journal does not verify or a file would carry a secret
     */
    public Bundle build(JournalDatabase database, VerificationReport verification, String rollout) {
        if (!verification.ok()) {
            throw new IllegalStateException("Not exported, because the journal does not verify: " + verification.failure());
        }
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(jsonl, StandardCharsets.UTF_8)) {
            new JournalExporter(database).exportJsonl(writer, verification);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build(jsonl.toByteArray(), rollout);
    }

    /** The bundle of a journal export ({@link JournalExporter}'s JSON Lines): a pure function of its bytes. */
    public Bundle build(byte[] journalJsonl, String rollout) {
        JournalLines.Reading journal = new JournalLines("the journal export").read(journalJsonl);
        if (!journal.problems().isEmpty()) {
            throw new IllegalStateException("Not exported, because " + journal.problems().get(0));
        }
        List<StoredEntry> records = journal.entries();
        String name = chosen(records, rollout);
        SortedMap<String, byte[]> files = new TreeMap<>();
        payload.derived(name, records).forEach(file -> files.put(file.path(), file.content()));
        files.put(EvidencePayload.JOURNAL, journalJsonl);
        files.put(EvidencePayload.HOW_TO_VERIFY, EvidencePayload.resource(EvidencePayload.HOW_TO_VERIFY));
        files.put(EvidencePayload.CHAIN_SCRIPT, EvidencePayload.resource(EvidencePayload.CHAIN_SCRIPT));
        StoredEntry head = records.get(records.size() - 1);
        BagWriter.Info info = new BagWriter.Info(name, journal.head(), head.entry().recordedAt(),
                journal.enrollment() == null ? null : journal.enrollment().fingerprint(), agent);
        SortedMap<String, byte[]> bag = BagWriter.bag(files, info);
        SecretScan.find(bag).ifPresent(where -> {
            throw new IllegalStateException("Not exported: " + where + " holds what looks like a password or token, which an"
                    + " evidence bundle must never carry; the journal cannot forget it, so rotate that secret and hand the"
                    + " journal over another way.");
        });
        SortedMap<String, byte[]> entries = new TreeMap<>();
        String folder = BagWriter.bagName(info) + "/";
        bag.forEach((path, content) -> entries.put(folder + path, content));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try {
            DeterministicZip.write(entries, head.entry().recordedAt(), zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long octets = files.values().stream().mapToLong(content -> content.length).sum();
        return new Bundle(name, journal.head(), files.size(), octets, zip.toByteArray());
    }

    /** Written beside {@code target} and renamed over it, so it appears whole or not at all. */
    public static void write(Bundle bundle, Path target) throws IOException {
        AtomicFile.write(target.toAbsolutePath(), out -> {
            out.write(bundle.zip());
            return null;
        }, () -> { });
    }

    private static String chosen(List<StoredEntry> records, String rollout) {
        List<String> rollouts = EvidencePayload.rollouts(records);
        if (rollout != null) {
            if (!rollouts.contains(rollout)) {
                throw new IllegalArgumentException("The journal holds no rollout named " + rollout
                        + (rollouts.isEmpty() ? "; it holds none yet." : "; name one of " + String.join(", ", rollouts) + "."));
            }
            return rollout;
        }
        if (rollouts.isEmpty()) {
            throw new IllegalArgumentException("The journal holds no rollout yet, so there is nothing to bundle.");
        }
        if (rollouts.size() > 1) {
            throw new IllegalArgumentException("The journal holds several rollouts (" + String.join(", ", rollouts)
                    + "); name the one to bundle.");
        }
        return rollouts.get(0);
    }
}
