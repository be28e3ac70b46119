package com.rolloutcontrolroom.services.evidence;

import com.rolloutcontrolroom.domain.journal.VerificationReport;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The window's Export evidence…: the open journal is checked first (a bundle of a journal that does not
 * verify would certify nothing), then bundled and written beside the target and moved over whole.
 */
public final class EvidenceExport {

    /** The journal did not verify, or a file would have carried a secret: nothing was written. */
    public static final class Refused extends RuntimeException {
        Refused(String sentence) {
            super(sentence);
        }
    }

    private final JournalAccess journal;
    private final EvidenceExporter exporter;

    public EvidenceExport(JournalAccess journal, EvidenceExporter exporter) {
        this.journal = journal;
        this.exporter = exporter;
    }

    /** Blocking: reads the whole journal and writes the zip. */
    public EvidenceExporter.Bundle write(String rollout, Path target) throws IOException {
        VerificationReport verification = journal.check();
        if (!verification.ok()) {
            throw new Refused("Not exported, because the journal does not verify (" + withoutFinalStop(verification.failure())
                    + "); see the Journal screen's chain status for what to do.");
        }
        EvidenceExporter.Bundle bundle;
        try {
            bundle = exporter.build(journal.database(), verification, rollout);
        } catch (IllegalStateException e) {
            throw new Refused(e.getMessage());
        }
        try {
            EvidenceExporter.write(bundle, target);
        } catch (IOException e) {
            throw new IOException("Writing " + target + " failed, so nothing was written there (" + e.getMessage()
                    + "); check the folder and the free space, then export again.", e);
        }
        return bundle;
    }

    private static String withoutFinalStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
