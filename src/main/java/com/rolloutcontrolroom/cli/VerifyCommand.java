package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.services.evidence.BundleVerifier;
import com.rolloutcontrolroom.services.report.VerificationReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code control-room verify FILE.zip}: checks an evidence bundle from the zip alone; needs no data
 * folder and no keychain, so an auditor runs it on any machine.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, description = {
        "Check an evidence bundle without the data folder: refuse unsafe zip entries, check the BagIt manifests and"
                + " Payload-Oxum, recompute the journal's chain and signatures, every snapshot's metrics and verdicts, and"
                + " render the report and the other derived files again from the bundle's journal to compare.",
        "Exit 0 prints what was checked; exit 1 prints one line per problem; exit 2 when the file is missing or unreadable."})
final class VerifyCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(VerifyCommand.class);

    @Spec CommandSpec spec;
    @Parameters(paramLabel = "FILE.zip", description = "The evidence bundle.") Path zip;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        BundleVerifier.Result result;
        try {
            result = new BundleVerifier(new VerificationReportWriter()).verify(zip);
        } catch (NoSuchFileException e) {
            err.println("Cannot verify " + zip + ": there is no such file; check the path.");
            return 2;
        } catch (AccessDeniedException e) {
            err.println("Cannot verify " + zip + ": it cannot be read; check its permissions.");
            return 2;
        } catch (IOException e) {
            LOG.info("Verifying {} failed", zip, e);
            err.println("Cannot verify " + zip + ": " + e.getMessage() + "; check the file and the space in the temporary folder.");
            return 1;
        }
        if (!result.ok()) {
            result.problems().forEach(err::println);
            err.flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Verified " + zip + ":");
        result.checked().forEach(line -> out.println("  " + line));
        out.flush();
        return 0;
    }
}
