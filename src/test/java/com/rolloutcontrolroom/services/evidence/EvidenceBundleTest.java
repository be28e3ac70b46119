package com.rolloutcontrolroom.services.evidence;

import static com.rolloutcontrolroom.services.evidence.Bags.bytes;
import static com.rolloutcontrolroom.services.evidence.Bags.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.journal.JournalReader;
import com.rolloutcontrolroom.services.report.VerificationReportWriter;
import com.rolloutcontrolroom.services.simulation.RolloutSimulation;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence bundle of the simulated five-day rollout: it verifies, it is the same bytes every time,
 * and every change a forger could make to it is caught with a sentence naming the file.
 */
class EvidenceBundleTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static SimulatedRolloutJournal journal;
    private static EvidenceExporter.Bundle bundle;
    private static List<StoredEntry> records;

    @BeforeAll
    static void simulateFiveDaysAndExport() throws Exception {
        journal = SimulatedRolloutJournal.simulate(postgres, Files.createDirectories(shared.resolve("data")));
        bundle = journal.export();
        try (JournalDatabase database = JournalDatabase.openReadOnly(journal.home)) {
            records = new JournalReader(database).entries(JournalQuery.all());
        }
    }

    @Test
    void theBundleOfTheSimulatedRolloutIsABagThatVerifies() throws Exception {
        StoredEntry head = records.get(records.size() - 1);
        SortedMap<String, byte[]> entries = Bags.entries(bundle.zip());
        String folder = RolloutSimulation.ROLLOUT + "-journal-" + head.id() + "/";
        assertThat(entries.keySet()).allMatch(name -> name.startsWith(folder));
        assertThat(text(entries.get(folder + "bagit.txt"))).isEqualTo("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        long snapshots = records.stream().filter(r -> r.entry().kind() == EntryKind.SNAPSHOT).count();
        long payloadBytes = entries.entrySet().stream().filter(e -> e.getKey().startsWith(folder + "data/"))
                .mapToLong(e -> e.getValue().length).sum();
        long payloadFiles = entries.keySet().stream().filter(name -> name.startsWith(folder + "data/")).count();
        assertThat(text(entries.get(folder + "bag-info.txt"))).contains(
                "Bagging-Date: " + head.entry().recordedAt().atOffset(ZoneOffset.UTC).toLocalDate() + "\n",
                "External-Identifier: " + RolloutSimulation.ROLLOUT + " journal-head " + head.id() + "\n",
                "Journal-Head-Id: " + head.id() + "\n", "Journal-Head-Hash: " + head.hash() + "\n",
                "Journal-Signing-Key: " + journal.keys.signingKey().orElseThrow().fingerprint() + "\n",
                "Payload-Oxum: " + payloadBytes + "." + payloadFiles + "\n");
        assertThat(entries.keySet().stream().filter(name -> name.matches(".*/data/snapshots/\\d+-[^/]+\\.(json|csv)"))).hasSize((int) snapshots * 2);
        assertThat(snapshots).as("the baseline, then the checkpoints of Staging full (7) and Production full (9)").isEqualTo(17);
        assertThat(entries).containsKeys(folder + "manifest-sha512.txt", folder + "tagmanifest-sha512.txt",
                folder + "data/report/report.md", folder + "data/report/report.html", folder + "data/plan/plan.json",
                folder + "data/journal/journal.jsonl", folder + "data/queries/metric_success_rate.sql");
        assertThat(entries.get(folder + "data/HOW-TO-VERIFY.md")).isEqualTo(Files.readAllBytes(Path.of("docs", "verify-by-hand.md")));
        assertThat(entries.get(folder + "data/verify_chain.py")).isEqualTo(Files.readAllBytes(Path.of("scripts", "verify_chain.py")));
        assertThat(text(entries.get(folder + "data/queries/metric_success_rate.sql"))).startsWith("SELECT count(*) FILTER");
        assertThat(text(entries.get(folder + "data/journal/journal.jsonl")).lines()).hasSize(records.size() + 1);

        BundleVerifier.Result result = verify(bundle.zip());
        assertThat(result.problems()).isEmpty();
        assertThat(result.checked()).anySatisfy(line -> assertThat(line).contains("BagIt 1.0", "Payload-Oxum " + payloadBytes + "." + payloadFiles))
                .anySatisfy(line -> assertThat(line).contains(head.id() + " records intact", head.hash(), "Ed25519"))
                .anySatisfy(line -> assertThat(line).contains("snapshots: " + snapshots + " of " + RolloutSimulation.ROLLOUT))
                .anySatisfy(line -> assertThat(line).contains("derived files"));
    }

    @Test
    void twoExportsOfTheSameJournalAreByteIdenticalWithFixedTimesAndNoExtraFields() throws Exception {
        byte[] again = journal.export().zip();
        assertThat(again).isEqualTo(bundle.zip());

        Path zip = dir.resolve("bundle.zip");
        Files.write(zip, again);
        StoredEntry head = records.get(records.size() - 1);
        LocalDateTime stamp = LocalDateTime.ofInstant(head.entry().recordedAt(), ZoneOffset.UTC).withNano(0);
        stamp = stamp.withSecond(stamp.getSecond() / 2 * 2);
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                names.add(entry.getName());
                assertThat(entry.getExtra()).as(entry.getName()).isNull();
                assertThat(entry.getTimeLocal()).as(entry.getName()).isEqualTo(stamp);
                assertThat(entry.getMethod()).isEqualTo(ZipEntry.DEFLATED);
            }
        }
        assertThat(names).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anyOneByteChangeInAnyFileIsCaughtNamingTheFile() throws Exception {
        SortedMap<String, byte[]> entries = Bags.entries(bundle.zip());
        String folder = Bags.folder(entries);
        for (String name : entries.keySet()) {
            SortedMap<String, byte[]> changed = new TreeMap<>(entries);
            byte[] content = changed.get(name).clone();
            content[content.length / 2] ^= 0x01; // never a change of case, which BagIt allows in checksums
            changed.put(name, content);
            BundleVerifier.Result result = verify(Bags.zip(changed));
            String inBag = name.substring(folder.length());
            assertThat(result.problems()).as("a byte changed in " + inBag).isNotEmpty()
                    .anySatisfy(problem -> assertThat(problem).contains(inBag));
        }
    }

    @Test
    void anAddedOrRemovedFileIsCaughtWithOrWithoutTheManifestsRecomputed() throws Exception {
        SortedMap<String, byte[]> entries = Bags.entries(bundle.zip());
        String folder = Bags.folder(entries);
        SortedMap<String, byte[]> added = new TreeMap<>(entries);
        added.put(folder + "data/notes.txt", bytes("the numbers were fine\n"));
        assertThat(verify(Bags.zip(added)).problems()).contains("data/notes.txt is not listed in manifest-sha512.txt: it was added after the bag was made.");
        assertThat(verify(Bags.zip(Bags.rebagged(added))).problems())
                .containsExactly("data/notes.txt is not derived from the journal, so it does not belong in the bundle.");
        SortedMap<String, byte[]> tagAdded = new TreeMap<>(entries);
        tagAdded.put(folder + "notes.txt", bytes("a tag file nobody listed\n"));
        assertThat(verify(Bags.zip(tagAdded)).problems()).contains("notes.txt is not listed in tagmanifest-sha512.txt: it was added after the bag was made.");

        String csv = entries.keySet().stream().filter(name -> name.endsWith(".csv")).findFirst().orElseThrow();
        String csvInBag = csv.substring(folder.length());
        String record = csvInBag.replaceAll("data/snapshots/(\\d+)-.*", "$1");
        SortedMap<String, byte[]> removed = new TreeMap<>(entries);
        removed.remove(csv);
        assertThat(verify(Bags.zip(removed)).problems()).anySatisfy(problem -> assertThat(problem)
                .matches("manifest-sha512.txt line \\d+ lists " + Pattern.quote(csvInBag) + ", which is not in the bag: it was removed."));
        assertThat(verify(Bags.zip(Bags.rebagged(removed))).problems())
                .containsExactly(csvInBag + " is missing, though journal record " + record + " gives it.");
    }

    @Test
    void aChartPaintedElsewhereStillVerifiesButAChartOfAnotherSizeDoesNot() throws Exception {
        // another machine's fonts paint other pixels: an auditor's verify must not call that tampering
        SortedMap<String, byte[]> entries = Bags.entries(bundle.zip());
        String chart = Bags.folder(entries) + "data/report/charts/success-rate.png";
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(entries.get(chart)));
        image.setRGB(5, 5, image.getRGB(5, 5) ^ 0x00FFFFFF);
        java.io.ByteArrayOutputStream repainted = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", repainted);
        entries.put(chart, repainted.toByteArray());
        assertThat(verify(Bags.zip(Bags.rebagged(entries))).problems()).isEmpty();

        java.io.ByteArrayOutputStream smaller = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image.getSubimage(0, 0, 100, 100), "png", smaller);
        entries.put(chart, smaller.toByteArray());
        assertThat(verify(Bags.zip(Bags.rebagged(entries))).problems())
                .anySatisfy(problem -> assertThat(problem).startsWith("data/report/charts/success-rate.png is not the chart"));
    }

    @Test
    void anEditedJournalLineIsCaughtEvenWithTheManifestsRecomputed() throws Exception {
        SortedMap<String, byte[]> entries = Bags.entries(bundle.zip());
        String name = Bags.folder(entries) + "data/journal/journal.jsonl";
        List<String> lines = new ArrayList<>(text(entries.get(name)).lines().toList());
        int index = 0;
        while (!lines.get(index).contains("\"kind\":\"CHECKLIST_TICK\"")) {
            index++;
        }
        String line = lines.get(index);
        lines.set(index, line.replace("\\\"ticked\\\":true", "\\\"ticked\\\":false").replace("\"ticked\":true", "\"ticked\":false"));
        assertThat(lines.get(index)).isNotEqualTo(line);
        entries.put(name, bytes(String.join("\n", lines) + "\n"));

        List<String> problems = verify(Bags.zip(Bags.rebagged(entries))).problems();
        assertThat(problems).containsExactly("data/journal/journal.jsonl line " + (index + 1) + " (record " + index + "): chain broken:"
                + " its hash does not match its content: the record was changed after it was written.");
    }

    @Test
    void anEditedSnapshotRowIsCaughtEvenWithTheManifestsRecomputed() throws Exception {
        SortedMap<String, byte[]> entries = Bags.entries(bundle.zip());
        String folder = Bags.folder(entries);
        String json = entries.keySet().stream().filter(name -> name.matches(".*/data/snapshots/\\d+-T\\+6h\\.json")).findFirst().orElseThrow();
        String text = text(entries.get(json));
        Matcher row = Pattern.compile("\"name\" : \"metric_success_rate\",[\\s\\S]*?\"rows\" : \\[ \\[ (\\d+), (\\d+) \\] \\]").matcher(text);
        assertThat(row.find()).as(text).isTrue();
        long matching = Long.parseLong(row.group(1));
        String forged = text.substring(0, row.start(1)) + (matching > 0 ? matching - 1 : matching + 1) + text.substring(row.end(1));
        SortedMap<String, byte[]> changed = new TreeMap<>(entries);
        changed.put(json, bytes(forged));
        String inBag = json.substring(folder.length());
        String record = inBag.replaceAll("data/snapshots/(\\d+)-.*", "$1");
        int line = (int) text.substring(0, row.start(1)).chars().filter(c -> c == '\n').count() + 1;
        assertThat(verify(Bags.zip(Bags.rebagged(changed))).problems())
                .containsExactly(inBag + " differs from journal record " + record + " at line " + line + ".");

        String csv = json.replace(".json", ".csv");
        String csvText = text(entries.get(csv));
        Matcher cell = Pattern.compile(",metric_success_rate,OK,,1,matching,(\\d+)\r\n").matcher(csvText);
        assertThat(cell.find()).as(csvText).isTrue();
        changed = new TreeMap<>(entries);
        changed.put(csv, bytes(csvText.substring(0, cell.start(1)) + (matching + 5) + csvText.substring(cell.end(1))));
        int csvLine = (int) csvText.substring(0, cell.start(1)).chars().filter(c -> c == '\n').count() + 1;
        assertThat(verify(Bags.zip(Bags.rebagged(changed))).problems())
                .containsExactly(inBag.replace(".json", ".csv") + " differs from journal record " + record + " at line " + csvLine + ".");
    }

    @Test
    void sha512sumAgreesWithTheAppInTheUnpackedBag() throws Exception {
        Path bag = unpacked(bundle.zip());
        long payloadFiles = Files.readAllLines(bag.resolve("manifest-sha512.txt")).size();
        Run manifest = run(bag, "sha512sum", "-c", "manifest-sha512.txt");
        assertThat(manifest.exit()).as(manifest.output()).isZero();
        assertThat(manifest.output().lines().filter(l -> l.endsWith(": OK"))).hasSize((int) payloadFiles);
        Run tags = run(bag, "sha512sum", "-c", "tagmanifest-sha512.txt");
        assertThat(tags.exit()).as(tags.output()).isZero();
        assertThat(tags.output().lines()).containsExactly("bag-info.txt: OK", "bagit.txt: OK", "manifest-sha512.txt: OK");

        Path report = bag.resolve("data/report/report.md");
        Files.writeString(report, Files.readString(report) + "All criteria met.\n");
        Run changed = run(bag, "sha512sum", "--quiet", "-c", "manifest-sha512.txt");
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.output().lines()).containsExactlyInAnyOrder("data/report/report.md: FAILED",
                "sha512sum: WARNING: 1 computed checksum did NOT match");
        SortedMap<String, byte[]> entries = Bags.entries(bundle.zip());
        String name = Bags.folder(entries) + "data/report/report.md";
        entries.put(name, Files.readAllBytes(report));
        assertThat(verify(Bags.zip(entries)).problems()).contains("data/report/report.md does not match its checksum in"
                + " manifest-sha512.txt line " + lineOf(bag.resolve("manifest-sha512.txt"), "data/report/report.md")
                + ": it was changed after it was bagged.");
    }

    @Test
    void theChainScriptVerifiesTheUnpackedBagWithPythonAloneAndCatchesAnEditedRecord() throws Exception {
        Path bag = unpacked(bundle.zip());
        StoredEntry head = records.get(records.size() - 1);
        Run ok = run(bag, "python3", "data/verify_chain.py");
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output().lines()).containsExactly("chain verified: " + head.id() + " records, head " + head.id() + ":" + head.hash(),
                "heads compared: the export's header, bag-info.txt");
        Run expected = run(bag, "python3", "data/verify_chain.py", ".", "--expect", head.id() + ":" + head.hash());
        assertThat(expected.exit()).as(expected.output()).isZero();

        Path jsonl = bag.resolve("data/journal/journal.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(jsonl));
        lines.set(5, lines.get(5).replace("\\\"recordedAt\\\":\\\"20", "\\\"recordedAt\\\":\\\"21"));
        assertThat(lines.get(5)).isNotEqualTo(Files.readAllLines(jsonl).get(5));
        Files.write(jsonl, lines);
        Run tampered = run(bag, "python3", "data/verify_chain.py");
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.output()).isEqualTo("NOT VERIFIED: line 6 (record 5): its hash does not match its canonical text;"
                + " the record was changed\n");

        Files.write(jsonl, Bags.entries(bundle.zip()).entrySet().stream().filter(e -> e.getKey().endsWith("journal.jsonl"))
                .findFirst().orElseThrow().getValue());
        Path info = bag.resolve("bag-info.txt");
        Files.writeString(info, Files.readString(info).replace("Journal-Head-Id: " + head.id(), "Journal-Head-Id: " + (head.id() + 1)));
        Run wrongHead = run(bag, "python3", "data/verify_chain.py");
        assertThat(wrongHead.exit()).isEqualTo(1);
        assertThat(wrongHead.output()).startsWith("NOT VERIFIED: bag-info.txt names head " + (head.id() + 1) + ":" + head.hash()
                + ", but the chain ends at " + head.id() + ":");
    }

    private BundleVerifier.Result verify(byte[] zip) throws IOException {
        Path file = Files.createTempFile(dir, "bundle", ".zip");
        Files.write(file, zip);
        return new BundleVerifier(new VerificationReportWriter(), SafeUnzip.Limits.BUNDLE, dir).verify(file);
    }

    private Path unpacked(byte[] zip) throws IOException {
        Path file = dir.resolve("unpack.zip");
        Files.write(file, zip);
        Path folder = dir.resolve("unpacked");
        List<String> names = new SafeUnzip(SafeUnzip.Limits.BUNDLE).extract(file, folder);
        return folder.resolve(names.get(0).substring(0, names.get(0).indexOf('/')));
    }

    private static int lineOf(Path file, String path) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("  " + path)) {
                return i + 1;
            }
        }
        throw new AssertionError(path + " is not in " + file);
    }

    record Run(int exit, String output) {
    }

    static Run run(Path folder, String... command) throws Exception {
        Process which = new ProcessBuilder("bash", "-c", "command -v " + command[0]).start();
        com.rolloutcontrolroom.testsupport.MachineRequirement.require(which.waitFor() == 0,
                command[0] + " is needed to check a bundle without the app; apt-get install " + (command[0].equals("python3") ? "python3" : "coreutils") + ".");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
