package com.rolloutcontrolroom.services.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.services.report.VerificationReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle is handed over by someone else: {@code verify} refuses every zip that could write outside its
 * temporary folder or fill the disk, with one sentence naming the entry, and nothing appears outside it.
 */
class MaliciousZipTest {

    @TempDir
    Path dir;
    private Path parent;
    private Path incoming;

    @BeforeEach
    void folders() throws IOException {
        parent = Files.createDirectories(dir.resolve("tmp"));
        incoming = Files.createDirectories(dir.resolve("incoming"));
    }

    @Test
    void aHandMadeZipOfPlainFilesExtracts() throws Exception {
        Path zip = write(new HandZip().file("bag/a.txt", "first\n").file("bag/data/b.txt", "second\n").bytes());
        Path into = Files.createDirectories(dir.resolve("out"));
        assertThat(new SafeUnzip(SafeUnzip.Limits.BUNDLE).extract(zip, into)).containsExactly("bag/a.txt", "bag/data/b.txt");
        assertThat(Files.readString(into.resolve("bag/data/b.txt"))).isEqualTo("second\n");
        assertThat(refusal(zip)).as("a bag without bagit.txt still fails, but as a bag, not as a zip")
                .contains("The bag has no bagit.txt, so it is not a BagIt bag.");
    }

    @Test
    void zipSlipIsRefused() throws Exception {
        assertRefused(new HandZip().file("bag/bagit.txt", "x").file("../escaped.txt", "owned"),
                "The zip entry '../escaped.txt' is refused: its path climbs out of the folder (..).");
        assertRefused(new HandZip().file("bag/../../escaped.txt", "owned"),
                "The zip entry 'bag/../../escaped.txt' is refused: its path climbs out of the folder (..).");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void absolutePathsDriveLettersAndBackslashesAreRefused() throws Exception {
        Path outside = Path.of(System.getProperty("java.io.tmpdir"), "control-room-slip-" + UUID.randomUUID() + ".txt");
        assertRefused(new HandZip().file(outside.toString(), "owned"),
                "The zip entry '" + outside + "' is refused: its path is absolute.");
        assertThat(outside).doesNotExist();
        assertRefused(new HandZip().file("C:/Windows/evil.dll", "owned"),
                "The zip entry 'C:/Windows/evil.dll' is refused: its path starts with a drive letter.");
        assertRefused(new HandZip().file("bag\\..\\..\\escaped.txt", "owned"),
                "The zip entry 'bag\\..\\..\\escaped.txt' is refused: its name holds a backslash, which some systems read as a"
                        + " folder separator.");
    }

    @Test
    void aSymlinkEntryIsRefused() throws Exception {
        assertRefused(new HandZip().file("bag/bagit.txt", "x").symlink("bag/data/passwd", "/etc/passwd"),
                "The zip entry 'bag/data/passwd' is refused: it is a symbolic link, which could point outside the bag.");
    }

    @Test
    void repeatedNamesAreRefusedAlsoInAnotherCase() throws Exception {
        assertRefused(new HandZip().file("bag/data/report.md", "the real one").file("bag/data/report.md", "the other one"),
                "The zip entry 'bag/data/report.md' is refused: it appears twice, so which copy counts would depend on the tool.");
        assertRefused(new HandZip().file("bag/data/Report.md", "one").file("bag/data/report.md", "two"),
                "The zip entry 'bag/data/report.md' is refused: it differs from 'bag/data/Report.md' only in case, so the two"
                        + " collide on some file systems.");
    }

    @Test
    void aZipBombAndSizesThatLieAreRefused() throws Exception {
        byte[] zeros = new byte[64 << 20];
        Path bomb = write(new HandZip().file("bag/data/zeros.bin", zeros).bytes());
        assertThat(Files.size(bomb)).as("64 MiB of zeros deflate to almost nothing").isLessThan(200_000);
        assertThat(refusal(bomb)).singleElement().asString()
                .startsWith("The zip entry 'bag/data/zeros.bin' is refused: it declares 67108864 bytes from ")
                .endsWith(" compressed, a ratio only a zip bomb has.");

        byte[] noise = new byte[100_000];
        new Random(7).nextBytes(noise);
        assertThat(refusal(write(new HandZip().lying("bag/data/noise.bin", noise, 3_000_000_000L).bytes()))).singleElement()
                .asString().matches("The zip entry 'bag/data/noise.bin' is refused: it declares 3000000000 bytes from 100\\d{3}"
                        + " compressed, a ratio only a zip bomb has\\.");
        assertRefused(new HandZip().lying("bag/data/noise.bin", noise, 250_000),
                "The zip entry 'bag/data/noise.bin' is refused: it declares 250000 bytes but holds 100000.");
        assertRefused(new HandZip().lying("bag/data/noise.bin", noise, 1_000),
                "The zip entry 'bag/data/noise.bin' is refused: it expands beyond the 1000 bytes it declares.");
    }

    @Test
    void tooManyEntriesAndEntriesSharingDataAreRefused() throws Exception {
        HandZip many = new HandZip();
        for (int i = 0; i < 11; i++) {
            many.file("bag/data/" + i + ".txt", "n");
        }
        Path zip = write(many.bytes());
        List<String> problems = new BundleVerifier(new VerificationReportWriter(), new SafeUnzip.Limits(10, 1 << 20, 200), parent)
                .verify(zip).problems();
        assertThat(problems).containsExactly("The zip declares 11 entries, more than the 10 a bundle may hold.");
        assertRefused(new HandZip().file("bag/data/a.txt", "shared bytes").sharing("bag/data/b.txt", 0),
                "The zip entry 'bag/data/b.txt' is refused: its data overlaps another entry's.");
    }

    private void assertRefused(HandZip zip, String sentence) throws IOException {
        assertThat(refusal(write(zip.bytes()))).containsExactly(sentence);
    }

    /** The problems verify reports; the temporary folder's parent and the zip's folder are as they were before. */
    private List<String> refusal(Path zip) throws IOException {
        List<Path> parentBefore = listing(parent);
        List<Path> incomingBefore = listing(incoming);
        List<Path> dirBefore = listing(dir);
        BundleVerifier.Result result = new BundleVerifier(new VerificationReportWriter(), SafeUnzip.Limits.BUNDLE, parent).verify(zip);
        assertThat(listing(parent)).as("the temporary folder is gone and nothing else appeared beside it").isEqualTo(parentBefore);
        assertThat(listing(incoming)).isEqualTo(incomingBefore);
        assertThat(listing(dir)).isEqualTo(dirBefore);
        assertThat(result.ok()).isFalse();
        return result.problems();
    }

    private Path write(byte[] zip) throws IOException {
        Path file = Files.createTempFile(incoming, "bundle", ".zip");
        Files.write(file, zip);
        return file;
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.sorted().toList();
        }
    }
}
