package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report --out DIR: the verification report's files, written whole, only from reading the journal. */
class ReportCommandTest {

    @TempDir
    Path folder;

    private RolloutCli cli;
    private Path out;

    @BeforeEach
    void setUp() throws Exception {
        cli = new RolloutCli(folder);
        cli.create("ALPHA");
        for (String item : RolloutCli.PREPARATION) {
            cli.run("checklist", "tick", "Preparation", item);
        }
        for (String item : RolloutCli.SHADOW) {
            cli.run("checklist", "tick", "Staging shadow", item);
        }
        cli.advance(Duration.ofMinutes(30));
        assertThat(cli.run("phase", "start", "--url", "https://preview.example.test/1")).as(cli.err()).isZero();
        out = folder.resolve("reports").resolve("alpha");
    }

    @Test
    void writesTheMarkdownTheHtmlAndBothChartsIntoTheFolder() throws Exception {
        List<?> before = cli.journalKinds("ALPHA");

        assertThat(cli.run("report", "--out", out.toString())).as(cli.err()).isZero();

        assertThat(cli.out()).contains("Wrote the verification report of ALPHA").contains("report.md");
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).startsWith("---\ntask: \"ALPHA\"\n").contains("# Verification Report: ALPHA")
                .contains("**Current Phase**: 🔄 Staging shadow").contains("https://preview.example.test/1");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h1>Verification Report: ALPHA</h1>")
                .contains("<img src=\"charts/success-rate.png\"");
        assertThat(Files.readAllBytes(out.resolve("charts/success-rate.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readAllBytes(out.resolve("charts/manual-review-rate.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(cli.journalKinds("ALPHA")).as("the report only reads the journal").isEqualTo(before);
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/')))
                    .as("no temporary file left behind")
                    .containsExactlyInAnyOrder("report.md", "report.html", "charts/success-rate.png", "charts/manual-review-rate.png");
        }
    }

    @Test
    void existingFilesAreKeptUnlessForced() throws Exception {
        assertThat(cli.run("report", "--out", out.toString())).isZero();
        Files.writeString(out.resolve("report.md"), "kept");

        assertThat(cli.run("report", "--out", out.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("already exists; pass --force to replace it");
        assertThat(Files.readString(out.resolve("report.md"))).isEqualTo("kept");

        byte[] png = Files.readAllBytes(out.resolve("charts/success-rate.png"));
        assertThat(cli.run("report", "--out", out.toString(), "--force")).as(cli.err()).isZero();
        assertThat(Files.readString(out.resolve("report.md"))).startsWith("---\ntask: \"ALPHA\"");
        assertThat(Files.readAllBytes(out.resolve("charts/success-rate.png"))).as("the same journal, the same chart").isEqualTo(png);
    }

    @Test
    void anUnknownRolloutIsRefusedInOneSentence() {
        assertThat(cli.run("report", "--rollout", "BETA", "--out", out.toString())).isNotZero();
        assertThat(cli.err()).contains("There is no rollout 'BETA'; pick one of ALPHA.");
        assertThat(out).doesNotExist();
    }

    @Test
    void theDataFolderIsNeverAReportFolder() throws Exception {
        Path data = folder.resolve("data");
        for (Path inside : List.of(data, data.resolve("reports"))) {
            assertThat(cli.run("report", "--out", inside.toString())).isEqualTo(2);
            assertThat(cli.err()).contains("is inside the data folder").contains("choose a folder outside it");
        }
        Path link = Files.createSymbolicLink(folder.resolve("link"), data);
        assertThat(cli.run("report", "--out", link.resolve("r").toString())).isEqualTo(2);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("report") || name.equals("charts")
                    || name.equals("r") || name.equals("reports"));
        }
    }

    @Test
    void aMissingDataFolderIsNotCreated() {
        RolloutCli elsewhere = new RolloutCli(folder.resolve("empty"));
        assertThat(elsewhere.run("report", "--out", out.toString())).isNotZero();
        assertThat(folder.resolve("empty").resolve("data")).doesNotExist();
    }
}
