package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.VerificationReport;
import com.rolloutcontrolroom.services.evidence.EvidenceExporter;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.journal.JournalReader;
import com.rolloutcontrolroom.services.journal.JournalUnavailableException;
import com.rolloutcontrolroom.services.journal.JournalVerification;
import com.rolloutcontrolroom.services.report.VerificationReportWriter;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code control-room export --out FILE.zip [--rollout NAME]}: the rollout's evidence bundle. Only reads
 * the journal (like {@code journal export}), which must verify first.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = {
        "Write the rollout's evidence bundle: a zip holding one BagIt 1.0 bag with the verification report, the plan"
                + " and its amendments, every snapshot (JSON and CSV), the exact SQL, the charts and the whole journal.",
        "The same journal gives a byte-identical zip. A journal that does not verify, or a file that would carry a"
                + " password or token, is refused (exit 1). Check a bundle with `control-room verify FILE.zip`."})
final class ExportCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ExportCommand.class);

    private final AppHome home;
    private final JournalKeys keys;
    private final String agent;

    @Spec CommandSpec spec;
    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "Where to write the bundle.") Path out;
    @Option(names = "--rollout", paramLabel = "NAME",
            description = "The rollout to bundle (default: the current one, chosen with rollout use).") String rollout;
    @Option(names = "--force", description = "Replace an existing --out file.") boolean force;

    /** @param agent the app and its version, written into the bag as Bag-Software-Agent */
    ExportCommand(AppHome home, JournalKeys keys, String agent) {
        this.home = home;
        this.keys = keys;
        this.agent = agent;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        // refused before the journal is read: a data-folder file, an existing file
        OutputFile target = OutputFile.checked(out, force, home);
        try (JournalDatabase database = JournalDatabase.openReadOnly(home)) {
            VerificationReport verification = new JournalVerification(keys).verify(database, JournalVerification.Options.strict());
            if (!verification.ok()) {
                err.println("Not exported, because the journal does not verify (" + withoutFinalStop(verification.failure())
                        + "); run `control-room journal verify` for details.");
                return 1;
            }
            String name = new CurrentRollout(new SettingsFile(home.root().resolve("settings.json"))).resolve(rollout, rollouts(database));
            EvidenceExporter.Bundle bundle = new EvidenceExporter(new VerificationReportWriter(), agent).build(database, verification, name);
            target.write(bundle.zip());
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("Exported the evidence bundle of " + bundle.rollout() + " to " + out + ": " + bundle.payloadFiles()
                    + " files (" + bundle.payloadOctets() + " bytes) in a BagIt bag, journal head " + bundle.head().id() + " "
                    + bundle.head().hash() + ".");
            stdout.println("Check it with: control-room verify " + out);
            stdout.flush();
            return 0;
        } catch (JournalUnavailableException | AppHome.MissingDataFolderException | IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            LOG.info("Writing the bundle {} failed", out, e);
            err.println("Writing " + out + " failed, so nothing was written there: " + e.getMessage() + "; check the disk and try again.");
            return 1;
        }
    }

    private static List<String> rollouts(JournalDatabase database) {
        return new JournalReader(database).entries(JournalQuery.ofKinds(EntryKind.ROLLOUT_CREATED)).stream()
                .map(stored -> stored.entry().rollout()).distinct().toList();
    }

    private static String withoutFinalStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
