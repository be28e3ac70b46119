package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.ChainReport;
import com.rolloutcontrolroom.services.journal.ChainVerifier;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalExporter;
import com.rolloutcontrolroom.services.journal.JournalUnavailableException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code journal verify} and {@code journal export --jsonl}. Subcommands are methods so they share
 * this instance's {@link AppHome} without a picocli factory. Exit codes: 0 ok, 1 chain broken or
 * journal unreadable, 2 bad usage.
 */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Verify or export the tamper-evident rollout journal.",
        subcommands = {})
public final class JournalCommand implements Callable<Integer> {

    private final AppHome home;

    @Spec
    private CommandSpec spec;

    public JournalCommand(AppHome home) {
        this.home = home;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "verify", description = "Recompute the hash chain; exit 0 if intact, 1 naming the first broken record.")
    int verify(@Option(names = "--expect", paramLabel = "ID:HASH",
            description = "Also require record ID to still have HASH (e.g. the head a sign-off approved or an earlier"
                    + " export ended at), which catches records cut off the end.") String expected) {
        ChainHead anchor = expected == null ? null : anchor(expected, spec);
        try (JournalDatabase database = JournalDatabase.openReadOnly(home)) {
            ChainVerifier verifier = new ChainVerifier(database);
            ChainReport report = anchor == null ? verifier.verify() : verifier.verify(anchor);
            (report.isIntact() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(report.describe());
            return report.isIntact() ? 0 : 1;
        } catch (JournalUnavailableException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }

    private static ChainHead anchor(String expected, CommandSpec spec) {
        String[] parts = expected.split(":", 2);
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("[0-9a-f]{64}")) {
            // spec is the journal command's; the usage error belongs to its verify subcommand
            throw new picocli.CommandLine.ParameterException(spec.commandLine().getSubcommands().get("verify"), "--expect must be a record id and its 64-character hash, like 12:3f9a…; got '"
                    + expected + "'.");
        }
        return new ChainHead(Long.parseLong(parts[0]), parts[1]);
    }

    @Command(name = "export", description = "Write every record with its hashes, one JSON object per line.")
    int export(@Option(names = "--jsonl", description = "JSON Lines format (the only format so far).") boolean jsonl,
               @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.") Path out) {
        if (!jsonl) {
            spec.commandLine().getErr().println("Choose an export format: add --jsonl.");
            return 2;
        }
        try (JournalDatabase database = JournalDatabase.openReadOnly(home)) {
            JournalExporter exporter = new JournalExporter(database);
            if (out == null) {
                exporter.exportJsonl(spec.commandLine().getOut());
                return 0;
            }
            long count;
            try (Writer writer = new OutputStreamWriter(OutputFile.open(out), StandardCharsets.UTF_8)) {
                count = exporter.exportJsonl(writer);
            }
            spec.commandLine().getErr().println("Exported " + count + " records to " + out);
            return 0;
        } catch (JournalUnavailableException | UncheckedIOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Writing " + out + " failed: " + e.getMessage());
            return 1;
        }
    }
}
