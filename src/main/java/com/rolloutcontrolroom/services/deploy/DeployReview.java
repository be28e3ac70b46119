package com.rolloutcontrolroom.services.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.rolloutcontrolroom.domain.deploy.DeploymentScript;
import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;

/**
 * What a reviewed action will do, before anything runs: the exact commands and values (the dry run),
 * where they run, what must be typed to confirm, and why it cannot run yet, if it cannot.
 *
 * @param projectFolder null when none is set for the rollout yet
 * @param cliNote       why the commands are shown for an assumed CLI version (none installed, say); null when detected
 * @param blocked       why running is refused now (the gate, a phase that is not next); null when it may run
 */
public record DeployReview(String rollout, DeploymentScript script, Path projectFolder, String cliNote, String blocked) {

    /** What the user types (or passes as {@code --confirm}) to run it: the environment's name. */
    public String confirmWord() {
        return script.environment().environment();
    }

    /** Production asks for the name to be typed; elsewhere pressing Run after the review confirms it. */
    public boolean needsTypedConfirmation() {
        return script.environment().role() == EnvironmentRole.PRODUCTION;
    }

    public boolean isRollback() {
        return script.phase() == null;
    }

    /** The dry run, copyable into a POSIX shell as it is: comments, the folder, then every command. */
    public List<String> dryRun() {
        List<String> lines = new ArrayList<>();
        lines.add("# " + script.action() + " on " + script.environment().environment() + " (Vercel target "
                + script.environment().deployTarget() + "), Vercel CLI " + script.version()
                + (cliNote == null ? "" : " (assumed: " + cliNote + ")"));
        lines.add(projectFolder == null ? "# no project folder set: cd into the project's linked checkout first"
                : "cd " + com.rolloutcontrolroom.domain.rollout.ShellWord.quote(projectFolder.toString()));
        lines.addAll(script.shownLines());
        lines.add("# then the file's " + String.join(", ", script.flags().stream().map(f -> f.flag() + "=" + f.value())
                .toList()) + " must read back as planned; delete the file");
        return List.copyOf(lines);
    }
}
