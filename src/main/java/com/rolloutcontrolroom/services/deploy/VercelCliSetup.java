package com.rolloutcontrolroom.services.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the Vercel CLI is started: which executable (a path from Settings, else {@code vercel} looked up on
 * the child's PATH), the child's environment and how long a command may take. The token is not here: it is
 * read from the keychain for each action and put only into that action's children.
 *
 * @param executable  a path, or a bare name looked up on the PATH of {@code environment}
 * @param environment the child's whole environment before the control room's own variables are added
 */
public record VercelCliSetup(String executable, Map<String, String> environment, Duration commandTimeout,
                             Duration deployTimeout) {

    public static final String DEFAULT_EXECUTABLE = "vercel";
    public static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    /** A deploy builds the project on Vercel's side and waits for it: minutes, not seconds. */
    public static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(20);

    public VercelCliSetup {
        executable = executable == null || executable.isBlank() ? DEFAULT_EXECUTABLE : executable.strip();
        environment = Map.copyOf(environment);
    }

    /** This process's environment, minus any Vercel token in it: a token comes from the keychain or not at all. */
    public static VercelCliSetup forThisMachine(String executable) {
        Map<String, String> inherited = new HashMap<>(System.getenv());
        inherited.remove(VercelCli.TOKEN_VARIABLE);
        return new VercelCliSetup(executable, inherited, COMMAND_TIMEOUT, DEPLOY_TIMEOUT);
    }

    /**
     * The executable to start. Looked up here on the child's PATH, not this process's: what the child is
     * told is what runs, and tests put a fake CLI first on it.
     */
    Optional<Path> resolve() {
        if (executable.contains("/") || executable.contains(File.separator)) {
            Path path = Path.of(executable);
            return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        String path = environment.getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            for (String name : candidates()) {
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private String[] candidates() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return windows ? new String[] {executable + ".cmd", executable + ".exe", executable} : new String[] {executable};
    }
}
