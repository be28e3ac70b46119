package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.VerificationReport;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalExporter;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.journal.JournalUnavailableException;
import com.rolloutcontrolroom.services.journal.JournalVerification;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code journal verify} and {@code journal export --jsonl}. Subcommands are methods so they share
 * this instance's {@link AppHome} and keychain without a picocli factory. Both only read: no writer
 * lock, no migration, no journal file created. Exit codes: 0 ok, 1 the journal does not verify or
 * cannot be read, 2 bad usage.
 */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Verify or export the tamper-evident rollout journal.",
        subcommands = {})
public final class JournalCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(JournalCommand.class);

    private final AppHome home;
    private final JournalKeys keys;

    @Spec
    private CommandSpec spec;

    /** @param keys the OS keychain, where the signing key and the last head of each journal are kept */
    public JournalCommand(AppHome home, JournalKeys keys) {
        this.home = home;
        this.keys = keys;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = {
            "Recompute the hash chain and check every signature; compare with the head and key this workstation's"
                    + " keychain kept; exit 0 if all hold, 1 with one sentence naming the problem.",
            "A missing or empty journal, missing append-only triggers, records cut off the end and a key other than"
                    + " the keychain's (or --public-key) all fail."})
    int verify(@Option(names = "--expect", paramLabel = "ID:HASH",
                       description = "Also require record ID to still have HASH (e.g. the head a sign-off approved or an"
                               + " earlier export ended at), which catches records cut off the end.") String expected,
               @Option(names = "--public-key", paramLabel = "KEY|FINGERPRINT|FILE",
                       description = "Require the journal to be signed by this Ed25519 key: base64 (as in an export), its"
                               + " 64-hex fingerprint, or a file holding either; for auditors without the keychain.")
               String publicKey,
               @Option(names = "--allow-empty", description = "A journal with no records (or no file yet) is expected.")
               boolean allowEmpty) {
        ChainHead anchor = expected == null ? null : anchor(expected, spec);
        String pinned = publicKey == null ? null : PublicKeyPin.fingerprint(publicKey);
        try (JournalDatabase database = JournalDatabase.openReadOnly(home)) {
            VerificationReport report = new JournalVerification(keys).verify(database,
                    new JournalVerification.Options(allowEmpty, anchor, pinned));
            if (!report.ok()) {
                spec.commandLine().getErr().println(report.failure());
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            report.lines().forEach(out::println);
            out.flush();
            return 0;
        } catch (JournalUnavailableException | AppHome.MissingDataFolderException e) {
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

    @Command(name = "export", mixinStandardHelpOptions = true, description = {
            "Write a header line (the signing key, the head, whether it verified), then every record with its hashes"
                    + " and signature, one JSON object per line.",
            "A journal that does not verify is refused (exit 1) unless --force; then it is written and the problem"
                    + " named on stderr, and the exit code is still 1.",
            "--out never writes onto the journal or another file of the data folder, nor replaces an existing file"
                    + " unless --force; the file appears whole (written beside it, then renamed) or not at all."})
    int export(@Option(names = "--jsonl", description = "JSON Lines format (the only format so far).") boolean jsonl,
               @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.") Path out,
               @Option(names = "--force", description = "Export even a journal that does not verify, and replace an"
                       + " existing --out file.") boolean force,
               @Option(names = "--allow-empty", description = "A journal with no records (or no file yet) is expected.")
               boolean allowEmpty) {
        if (!jsonl) {
            spec.commandLine().getErr().println("Choose an export format: add --jsonl.");
            return 2;
        }
        PrintWriter err = spec.commandLine().getErr();
        // refused before the journal is read: the journal itself, a data-folder file, an existing file
        OutputFile target = out == null ? null : OutputFile.checked(out, force, home);
        try (JournalDatabase database = JournalDatabase.openReadOnly(home)) {
            VerificationReport report = new JournalVerification(keys).verify(database,
                    new JournalVerification.Options(allowEmpty, null, null));
            if (!report.ok() && !force) {
                err.println("Not exported, because the journal does not verify (" + withoutFinalStop(report.failure())
                        + "); pass --force to export it anyway.");
                return 1;
            }
            long count = write(new JournalExporter(database), report, target);
            if (!report.ok()) {
                err.println("Exported " + count + (count == 1 ? " record" : " records") + (out == null ? "" : " to " + out)
                        + ", but the journal does not verify: " + report.failure());
                return 1;
            }
            if (out != null) {
                err.println("Exported " + count + " records to " + out);
            }
            return 0;
        } catch (JournalUnavailableException | UncheckedIOException | AppHome.MissingDataFolderException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            LOG.info("Writing the export {} failed", out, e);
            err.println("Writing " + out + " failed, so nothing was written there: " + e.getMessage()
                    + "; check the disk and try again.");
            return 1;
        }
    }

    private long write(JournalExporter exporter, VerificationReport report, OutputFile target) throws IOException {
        if (target == null) {
            return exporter.exportJsonl(spec.commandLine().getOut(), report);
        }
        return target.write(writer -> exporter.exportJsonl(writer, report));
    }

    private static String withoutFinalStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
