package com.rolloutcontrolroom.services.deploy;

import java.nio.file.Path;
import java.util.Optional;

import com.rolloutcontrolroom.services.settings.SettingsFile;

/**
 * Where the Vercel CLI runs, kept with the rollout's other settings (the settings file that remembers the
 * current rollout, so the demo's and yours stay apart): one project folder per rollout, since each rollout's
 * flags live in its own Vercel project, and the CLI's path when it is not on the PATH. A path is this
 * machine's business, not evidence: the journal records the Vercel project id instead.
 */
public final class DeploySettings {

    static final String FOLDER_KEY = "deploy.projectFolder.";
    static final String CLI_KEY = "deploy.vercelCli";

    private final SettingsFile settings;

    public DeploySettings(SettingsFile settings) {
        this.settings = settings;
    }

    public Optional<Path> projectFolder(String rollout) {
        return settings.get(FOLDER_KEY + rollout).filter(text -> !text.isBlank()).map(Path::of);
    }

    public void rememberProjectFolder(String rollout, Path folder) {
        settings.set(FOLDER_KEY + rollout, folder.toAbsolutePath().normalize().toString());
    }

    /** The CLI's path from Settings; empty means {@code vercel} on the PATH. */
    public Optional<String> cliPath() {
        return settings.get(CLI_KEY).filter(text -> !text.isBlank());
    }

    public void rememberCliPath(String path) {
        settings.set(CLI_KEY, path == null || path.isBlank() ? null : path.strip());
    }
}
