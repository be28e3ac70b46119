package com.rolloutcontrolroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.RolloutHistory;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.journal.JournalReader;
import com.rolloutcontrolroom.services.journal.JournalUnavailableException;
import com.rolloutcontrolroom.services.report.ReportFiles;
import com.rolloutcontrolroom.services.report.VerificationReportWriter;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.settings.SettingsFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code control-room report [--rollout NAME] --out DIR [--force]}: the verification report of a rollout,
 * written from its journal alone as report.md, report.html and charts/*.png. It only reads the journal (no
 * writer lock, nothing created in the data folder), and each file appears whole or not at all.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the verification report of a rollout (seed 000's sections, filled from the journal) as"
                + " report.md, report.html and charts/success-rate.png, charts/manual-review-rate.png in DIR.",
                "The report is as of the journal's last record: the same journal always gives the same files."})
final class ReportCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportCommand.class);

    private final AppHome home;

    @Spec CommandSpec spec;
    @Mixin RolloutOption rollout;
    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write into (created if missing); never the data folder.") Path out;
    @Option(names = "--force", description = "Replace report files already in DIR.") boolean force;

    ReportCommand(AppHome home) {
        this.home = home;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<StoredEntry> records;
        try (JournalDatabase database = JournalDatabase.openReadOnly(home)) {
            records = new JournalReader(database).entries(JournalQuery.all());
        } catch (JournalUnavailableException | AppHome.MissingDataFolderException e) {
            err.println(e.getMessage());
            return 1;
        }
        String name = new CurrentRollout(new SettingsFile(home.root().resolve("settings.json")))
                .resolve(rollout.name, RolloutHistory.rolloutNames(records));
        ReportFiles report = new VerificationReportWriter().write(records, name);
        Map<OutputFile, Object> files = targets(report);
        try {
            for (Map.Entry<OutputFile, Object> file : files.entrySet()) {
                if (file.getValue() instanceof byte[] png) {
                    file.getKey().write(png);
                } else {
                    String text = (String) file.getValue();
                    file.getKey().write(writer -> {
                        writer.write(text);
                        return text.length();
                    });
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.info("Writing the report into {} failed", out, e);
            err.println("The report could not be written into " + out + " (" + e.getMessage() + "); check the folder and try again.");
            return 1;
        }
        spec.commandLine().getOut().println("Wrote the verification report of " + name + " (" + records.size() + " journal records)"
                + " to " + out.resolve(ReportFiles.MARKDOWN_NAME) + ", " + ReportFiles.HTML_NAME + " and "
                + report.charts().size() + " charts.");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The path with the symlinks of its existing part resolved, so a link into the data folder is seen for what it is. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    /** Every file checked before any is written: the data folder, an existing file without --force. */
    private Map<OutputFile, Object> targets(ReportFiles report) {
        if (real(out).startsWith(real(home.root()))) {
            throw new IllegalArgumentException("Not written: " + out + " is inside the data folder " + home.root()
                    + "; choose a folder outside it.");
        }
        try {
            Files.createDirectories(out);
            for (String chart : report.charts().keySet()) {
                Files.createDirectories(out.resolve(chart).getParent());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write into " + out + ": " + e.getMessage() + "; choose another folder.", e);
        }
        Map<OutputFile, Object> files = new LinkedHashMap<>();
        files.put(OutputFile.checked(out.resolve(ReportFiles.MARKDOWN_NAME), force, home), report.markdown());
        files.put(OutputFile.checked(out.resolve(ReportFiles.HTML_NAME), force, home), report.html());
        report.charts().keySet().forEach(chart -> files.put(OutputFile.checked(out.resolve(chart), force, home), report.chart(chart)));
        return files;
    }
}
