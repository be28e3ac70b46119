package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code export} writes a bundle of a signed journal; {@code verify} checks it with no data folder at all. */
class EvidenceCommandsTest {

    @TempDir
    Path dir;

    private final SessionCredentialStore keychain = new SessionCredentialStore("Evidence CLI test keychain in memory.");
    private AppHome home;

    @BeforeEach
    void rollout() {
        home = new AppHome(dir.resolve("data"));
        TestRollouts.create(home, keychain, TestRollouts.ROLLOUT);
    }

    @Test
    void exportWritesABundleThatVerifyAcceptsWithoutADataFolder() throws Exception {
        Path zip = dir.resolve("evidence.zip");
        Outcome export = run(home, "export", "--out", zip.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).startsWith("Exported the evidence bundle of " + TestRollouts.ROLLOUT + " to " + zip + ": ")
                .contains("Check it with: control-room verify " + zip);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "evidence.zip");

        Outcome again = run(home, "export", "--out", zip.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already exists; pass --force to replace it");
        assertThat(run(home, "export", "--out", zip.toString(), "--force").exit()).isZero();

        AppHome nowhere = new AppHome(dir.resolve("no-data-folder"));
        Outcome verify = run(nowhere, "verify", zip.toString());
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out().lines()).first().isEqualTo("Verified " + zip + ":");
        assertThat(verify.out()).contains("BagIt 1.0", "valid Ed25519 signature by key", "derived files");
        assertThat(nowhere.root()).as("verify neither needs nor makes a data folder").doesNotExist();
    }

    @Test
    void verifyPrintsOneLinePerProblemAndTellsAMissingFileApart() throws Exception {
        Path zip = dir.resolve("evidence.zip");
        assertThat(run(home, "export", "--out", zip.toString()).exit()).isZero();
        Path tampered = dir.resolve("tampered.zip");
        Files.write(tampered, withReportAppended(Files.readAllBytes(zip), "All criteria met.\n"));

        AppHome nowhere = new AppHome(dir.resolve("no-data-folder"));
        Outcome failed = run(nowhere, "verify", tampered.toString());
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).isEmpty();
        assertThat(failed.err().lines()).satisfiesExactly(
                line -> assertThat(line).matches("data/report/report.md does not match its checksum in manifest-sha512.txt line \\d+:"
                        + " it was changed after it was bagged\\."),
                line -> assertThat(line).matches("bag-info.txt's Payload-Oxum is \\d+\\.(\\d+) \\(octets.files\\), but the payload"
                        + " holds \\d+ bytes in \\1 files\\."),
                line -> assertThat(line).matches("data/report/report.md differs from the report rendered from the journal at line \\d+\\."));

        Outcome missing = run(nowhere, "verify", dir.resolve("nope.zip").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("Cannot verify " + dir.resolve("nope.zip") + ": there is no such file; check the path.\n");
    }

    @Test
    void aSecretInTheJournalRefusesTheExportAndWritesNothing() throws Exception {
        try (JournalAccess journal = new JournalAccess(home, new KeychainJournalKeys(keychain))) {
            journal.writer().append(new IssueLogged(Instant.now(), OperatorIdentity.forCurrentUser(home).current(), "staging",
                    TestRollouts.ROLLOUT, Instant.now(), "Connected as postgresql://app:fake-secret-9@db/prod", null, null));
        }
        Path zip = dir.resolve("evidence.zip");
        Outcome export = run(home, "export", "--out", zip.toString());
        assertThat(export.exit()).isEqualTo(1);
        assertThat(export.err().lines()).singleElement().asString().startsWith("Not exported: data/journal/journal.jsonl line ")
                .doesNotContain("fake-secret-9");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("data");
    }

    private static byte[] withReportAppended(byte[] zip, String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().endsWith("data/report/report.md")) {
                    content = (new String(content, java.nio.charset.StandardCharsets.UTF_8) + text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private record Outcome(int exit, String out, String err) {
    }

    private Outcome run(AppHome at, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ControlRoomCli.create(at, () -> { }, keychain, new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }
}
