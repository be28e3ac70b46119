package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.journal.JournalReader;
import com.rolloutcontrolroom.services.journal.JournalWriter;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.testsupport.MachineRequirement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The auditor's commands exactly as docs/journal-format.md prints them (bash, jq, openssl, base64,
 * sha256sum), run on a real export: they accept it, and reject a changed signature or record. The
 * tools are required, not optional: a machine without them fails this test (apt-get install jq openssl).
 */
class JournalExportAuditTest {

    private static final Path DOC = Path.of("docs", "journal-format.md");

    @TempDir
    Path dir;

    private final SessionCredentialStore keychain = new SessionCredentialStore("Audit test keychain in memory.");
    private final JournalKeys keys = new KeychainJournalKeys(keychain);
    private AppHome home;
    private Path export;
    private StoredEntry head;

    @BeforeEach
    void exportASignedJournalWithLegacyRecords() throws Exception {
        home = new AppHome(dir.resolve("data"));
        try (JournalDatabase legacy = JournalDatabase.open(home)) {
            JournalWriter writer = new JournalWriter(legacy);
            JournalSamples.everyKind(JournalSamples.T0).subList(0, 3).forEach(writer::append);
        }
        try (JournalDatabase signed = JournalDatabase.open(home, keys)) {
            JournalWriter writer = new JournalWriter(signed);
            JournalSamples.everyKind(JournalSamples.T0).forEach(writer::append);
            head = new JournalReader(signed).entry(13).orElseThrow();
        }
        export = dir.resolve("journal.jsonl");
        StringWriter err = new StringWriter();
        CommandLine cli = ControlRoomCli.create(home, () -> { }, keychain, new ByteArrayInputStream(new byte[0]));
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("journal", "export", "--jsonl", "--out", export.toString())).as(err.toString()).isZero();
    }

    @Test
    void theDocumentedScriptAcceptsTheExportAndRejectsAChangedSignatureOrRecord() throws Exception {
        Path script = dir.resolve("verify-export.sh");
        Files.writeString(script, documentedScript());
        String fingerprint = keys.signingKey().orElseThrow().fingerprint();

        Result ok = bash(script, export);
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output().lines()).containsExactly("signed from record 4 by key " + fingerprint,
                "chain and signatures verify: 13 records, head " + head.hash());

        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        String line = lines.get(8);
        String signature = line.replaceAll(".*\"signature\":\"([^\"]+)\".*", "$1");
        String other = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
        Result badSignature = bash(script, withLine(lines, 8, line.replace(signature, other), "bad-signature.jsonl"));
        assertThat(badSignature.exit()).isEqualTo(1);
        assertThat(badSignature.output()).contains("record 8: missing or invalid signature");

        assertThat(lines.get(9)).contains("Success rate 91");
        Result badRecord = bash(script, withLine(lines, 9, lines.get(9).replace("Success rate 91", "Success rate 99"),
                "bad-record.jsonl"));
        assertThat(badRecord.exit()).isEqualTo(1);
        assertThat(badRecord.output()).contains("record 9: hash does not match its content");
    }

    @Test
    void theOneRecordByHandCommandsVerifyItsSignatureAndHash() throws Exception {
        Path script = dir.resolve("by-hand.sh");
        Files.writeString(script, "set -euo pipefail\ncd \"$(dirname \"$1\")\"\n" + documentedByHandCommands());
        Result result = bash(script, export);
        StoredEntry fifth;
        try (JournalDatabase db = JournalDatabase.openReadOnly(home)) {
            fifth = new JournalReader(db).entry(5).orElseThrow();
        }
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains(keys.signingKey().orElseThrow().fingerprint(), "Signature Verified Successfully",
                fifth.hash());
    }

    private String documentedScript() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf("```bash\n", doc.indexOf("<!-- auditor-script: begin"));
        int end = doc.indexOf("```\n<!-- auditor-script: end -->");
        assertThat(begin).as("the auditor script block in " + DOC).isPositive();
        return doc.substring(begin + "```bash\n".length(), end);
    }

    private String documentedByHandCommands() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf("One record by hand");
        String block = doc.substring(doc.indexOf("\n\n", from) + 2, doc.indexOf("\n\n", doc.indexOf("\n\n", from) + 2));
        assertThat(block).contains("openssl pkeyutl -verify");
        return block.lines().map(String::strip).filter(l -> !l.startsWith("#"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private Path withLine(List<String> lines, int index, String replacement, String name) throws IOException {
        List<String> changed = new java.util.ArrayList<>(lines);
        changed.set(index, replacement);
        Path file = dir.resolve(name);
        Files.write(file, changed, StandardCharsets.UTF_8);
        return file;
    }

    private static Result bash(Path script, Path argument) throws IOException, InterruptedException {
        for (String tool : List.of("jq", "openssl", "base64", "sha256sum")) {
            Process which = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
            MachineRequirement.require(which.waitFor() == 0, tool + " is needed by the documented auditor commands;"
                    + " apt-get install jq openssl.");
        }
        Process process = new ProcessBuilder("bash", script.toString(), argument.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
