package com.rolloutcontrolroom.services.evidence;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.services.report.VerificationReportWriter;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks an evidence bundle from the zip alone, without a data folder or keychain: extracts it safely
 * into a fresh temporary folder ({@link SafeUnzip}), checks it as a BagIt bag ({@link BagChecks}),
 * recomputes the journal's chain with the app's chain code and compares its head with bag-info's, then
 * checks what the bag holds against the journal ({@link EvidenceChecks}). The folder is deleted after.
 */
public final class BundleVerifier {

    /** What was checked (for a passing bundle) and every problem found, one sentence each naming the file. */
    public record Result(List<String> checked, List<String> problems) {
        public Result {
            checked = List.copyOf(checked);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final String JOURNAL = BagIt.PAYLOAD + EvidencePayload.JOURNAL;

    private final EvidenceChecks evidence;
    private final SafeUnzip unzip;
    private final Path temporaryParent;

    public BundleVerifier(VerificationReportWriter report) {
        this(report, SafeUnzip.Limits.BUNDLE, null);
    }

    /** @param temporaryParent where the temporary folder is made; null for the system's temporary folder */
    BundleVerifier(VerificationReportWriter report, SafeUnzip.Limits limits, Path temporaryParent) {
        this.evidence = new EvidenceChecks(new EvidencePayload(report));
        this.unzip = new SafeUnzip(limits);
        this.temporaryParent = temporaryParent;
    }

    /** Blocking. @throws IOException when the zip is missing or unreadable (not a problem of the bundle: nothing was checked) */
    public Result verify(Path zip) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new NoSuchFileException(zip.toString(), null, "no such file");
        }
        if (!Files.isReadable(zip)) {
            throw new java.nio.file.AccessDeniedException(zip.toString(), null, "not readable");
        }
        String prefix = "control-room-verify-";
        Path folder = temporaryParent == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(temporaryParent, prefix);
        try {
            return verifyIn(zip, folder);
        } finally {
            deleteTree(folder);
        }
    }

    private Result verifyIn(Path zip, Path folder) throws IOException {
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> files;
        try {
            files = unzip.extract(zip, folder);
        } catch (ZipDirectory.Refused e) {
            return new Result(checked, List.of(e.getMessage()));
        }
        TreeSet<String> folders = new TreeSet<>();
        for (String file : files) {
            if (file.indexOf('/') < 0) {
                return new Result(checked, List.of("The zip holds " + file + " outside the bag's folder; a bundle is one bag folder."));
            }
            folders.add(file.substring(0, file.indexOf('/')));
        }
        if (folders.size() != 1) {
            return new Result(checked, List.of(files.isEmpty() ? "The zip holds no files."
                    : "The zip holds several folders (" + String.join(", ", folders) + "); a bundle is one bag folder."));
        }
        checked.add("zip: " + files.size() + " files extracted into a temporary folder; no entry was unsafe (no '..', absolute"
                + " path, drive letter, backslash, link, repeated name or bomb)");
        String name = folders.first();
        Path bag = folder.resolve(name);
        List<String> inBag = files.stream().map(file -> file.substring(name.length() + 1)).toList();
        BagChecks.Checked bagit = BagChecks.check(bag, inBag);
        problems.addAll(bagit.problems());
        if (bagit.problems().isEmpty()) {
            checked.add("BagIt 1.0: every checksum in " + BagIt.MANIFEST + " (" + bagit.payload().size() + " payload files) and "
                    + BagIt.TAG_MANIFEST + " (" + bagit.tagFiles() + " tag files) matches, nothing unlisted, Payload-Oxum "
                    + bagit.info().get(BagIt.PAYLOAD_OXUM) + " matches");
        }
        if (!inBag.contains(JOURNAL)) {
            problems.add("The bag has no " + JOURNAL + ", so nothing it holds can be checked against the journal.");
            return new Result(checked, problems);
        }
        JournalLines.Reading journal = new JournalLines(JOURNAL).read(Files.readAllBytes(bag.resolve(JOURNAL)));
        problems.addAll(journal.problems());
        if (!journal.chainIntact() || journal.entries().isEmpty()) {
            return new Result(checked, problems);
        }
        checked.add("journal: chain recomputed, " + journal.head().id() + " records intact, head " + journal.head().hash() + "; "
                + (journal.enrollment() == null ? "unsigned, so this shows the records are consistent with each other"
                        : "every record from " + journal.enrollment().recordId() + " on carries a valid Ed25519 signature by key "
                        + journal.enrollment().fingerprint()));
        headAgrees(bagit, journal.head(), problems, checked);
        String rollout = bagit.info().get(BagIt.ROLLOUT);
        if (rollout == null) {
            problems.add(BagIt.INFO + " names no " + BagIt.ROLLOUT + ", so the bag's evidence cannot be matched to a rollout.");
        } else {
            evidence.check(bag, bagit.payload().keySet(), journal.entries(), rollout, problems, checked);
        }
        return new Result(checked, problems);
    }

    private static void headAgrees(BagChecks.Checked bagit, ChainHead head, List<String> problems, List<String> checked) {
        String id = bagit.info().get(BagIt.HEAD_ID);
        String hash = bagit.info().get(BagIt.HEAD_HASH);
        if (id == null || hash == null) {
            problems.add(BagIt.INFO + " does not name the journal head (" + BagIt.HEAD_ID + " and " + BagIt.HEAD_HASH + ").");
        } else if (!id.equals(Long.toString(head.id())) || !hash.equals(head.hash())) {
            problems.add(BagIt.INFO + " names the journal head " + id + " (" + ChainHash.abbreviate(hash) + "), but " + JOURNAL
                    + " ends at record " + head.id() + " (" + ChainHash.abbreviate(head.hash()) + ").");
        } else {
            checked.add(BagIt.INFO + ": its journal head " + id + " is the chain's head");
        }
    }

    /** Removes what the extraction wrote; links are removed, never followed (the extraction writes none). */
    private static void deleteTree(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
