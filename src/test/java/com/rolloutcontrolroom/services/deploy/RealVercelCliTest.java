package com.rolloutcontrolroom.services.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.deploy.CliCommand;
import com.rolloutcontrolroom.domain.deploy.CliVersion;
import com.rolloutcontrolroom.domain.deploy.DeploymentScript;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.services.rollout.BuiltInTemplate;
import com.rolloutcontrolroom.testsupport.MachineRequirement;

/**
 * The adapter's options checked against the real Vercel CLI, the version CI installs ({@code .ci/run}: the
 * npm package {@code vercel@58.10.0} with the machine's Node.js, its bin in {@code VERCEL_CLI_REAL}). Offline:
 * only {@code --version} and the {@code --help} of each subcommand the adapter uses run, with no token, a
 * HOME of their own, telemetry off and no update check, so nothing is sent anywhere.
 */
class RealVercelCliTest {

    static final String VARIABLE = "VERCEL_CLI_REAL";
    static final CliVersion PINNED = new CliVersion(58, 10, 0);

    @TempDir
    Path folder;

    private Path cli;
    private Map<String, String> environment;

    @BeforeEach
    void findTheCli() throws IOException {
        String named = System.getenv(VARIABLE);
        Path path = named != null && !named.isBlank() ? Path.of(named)
                : Path.of(System.getProperty("user.home"), ".vercel-cli", "node_modules", ".bin", "vercel");
        MachineRequirement.require(Files.isExecutable(path), "the real Vercel CLI is not at " + path + "; install it with"
                + " `npm install --prefix \"$HOME/.vercel-cli\" vercel@58.10.0` (as .ci/run does) or set " + VARIABLE);
        cli = path;
        environment = new HashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", Files.createDirectories(folder.resolve("home")).toString());
        environment.put("VERCEL_TELEMETRY_DISABLED", "1");
        environment.put("NO_UPDATE_NOTIFIER", "1");
        environment.put("NO_COLOR", "1");
        Files.createDirectories(folder.resolve("project"));
    }

    @Test
    void theAdapterReadsThePinnedVersionFromTheRealCli() {
        VercelCli adapter = new VercelCli(new VercelCliSetup(cli.toString(), environment, Duration.ofSeconds(60), Duration.ofSeconds(60)));
        VercelCli.Run run = adapter.version(folder.resolve("project"), null);
        assertThat(run.succeeded()).as(String.valueOf(run.failure())).isTrue();
        assertThat(VercelCli.versionOf(run)).isEqualTo(PINNED);
        assertThat(PINNED.overwritesWithForce()).isTrue();
    }

    @Test
    void everyOptionTheAdapterPassesIsInTheHelpOfItsSubcommand() throws Exception {
        Map<String, Set<String>> optionsBySubcommand = optionsTheAdapterPasses();
        assertThat(optionsBySubcommand.keySet()).containsExactlyInAnyOrder("env add", "env rm", "env pull", "deploy");
        assertThat(optionsBySubcommand.get("env add")).contains("--force", "--no-sensitive", "--yes");
        assertThat(optionsBySubcommand.get("deploy")).contains("--target", "--prod", "--yes");
        for (Map.Entry<String, Set<String>> subcommand : optionsBySubcommand.entrySet()) {
            List<String> arguments = new ArrayList<>(List.of(subcommand.getKey().split(" ")));
            arguments.add("--help");
            String help = run(arguments);
            assertThat(help).as("%s --help", subcommand.getKey()).contains("Vercel CLI " + PINNED);
            for (String option : subcommand.getValue()) {
                assertThat(Pattern.compile("(^|[\\s,])" + Pattern.quote(option) + "([\\s,=<]|$)", Pattern.MULTILINE).matcher(help).find())
                        .as("%s in `vercel %s --help`", option, subcommand.getKey()).isTrue();
            }
        }
        // the positional forms the adapter relies on
        assertThat(run(List.of("env", "add", "--help"))).contains("vercel env add name [environment]")
                .contains("cat <file> | vercel env add <name> <production | preview | development>");
        assertThat(run(List.of("env", "pull", "--help"))).contains("vercel env pull [filename]");
    }

    /** The options of every command the adapter builds for the built-in plan and its rollbacks, old CLI included. */
    private static Map<String, Set<String>> optionsTheAdapterPasses() {
        RolloutPlan plan = BuiltInTemplate.plan();
        List<CliCommand> commands = new ArrayList<>();
        for (CliVersion version : List.of(PINNED, new CliVersion(33, 7, 1))) {
            for (PhasePlan phase : plan.phases()) {
                if (!phase.flags().isEmpty()) {
                    commands.addAll(DeploymentScript.forPhase(plan, phase, version).commands());
                }
            }
            for (PlanEnvironment environment : plan.environments()) {
                commands.addAll(DeploymentScript.emergencyRollback(plan, environment, version).commands());
            }
        }
        Map<String, Set<String>> options = new LinkedHashMap<>();
        for (CliCommand command : commands) {
            List<String> words = command.arguments();
            String subcommand = words.get(0).equals("env") ? "env " + words.get(1) : "deploy";
            Set<String> mine = options.computeIfAbsent(subcommand, key -> new LinkedHashSet<>());
            words.stream().filter(word -> word.startsWith("-")).forEach(mine::add);
        }
        return options;
    }

    private String run(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(cli.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.resolve("project").toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }
}
