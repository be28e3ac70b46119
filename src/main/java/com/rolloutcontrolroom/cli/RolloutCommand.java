package com.rolloutcontrolroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.NextAction;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.rollout.PlanFile;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code control-room rollout new|list|use|plan|amend}: create a rollout, see them all, choose the current one,
 * print its plan in force and amend it (the journal keeps who, why and what changed).
 */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = "Create rollouts and choose the current one (the one phase, checklist, status and run work on).")
final class RolloutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    static CommandLine commandLine(RolloutSession.Opener sessions, EnvironmentProfiles profiles, CredentialStore credentials) {
        CommandLine rollout = new CommandLine(new RolloutCommand());
        rollout.addSubcommand(new New(sessions, profiles, credentials));
        rollout.addSubcommand(new ListRollouts(sessions));
        rollout.addSubcommand(new Use(sessions));
        rollout.addSubcommand(new ShowPlan(sessions));
        rollout.addSubcommand(new Amend(sessions));
        return rollout;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand: new, list, use, plan or amend.");
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Create a rollout from the built-in template (seed 000's six phases) or a plan file;"
                    + " it becomes the current rollout. Its first phase starts now.")
    static final class New implements Callable<Integer> {
        private final RolloutSession.Opener sessions;
        private final EnvironmentProfiles profiles;
        private final CredentialStore credentials;

        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", description = "The rollout's name, e.g. the flag's: FEATURE_X_V2"
                + " (a plan file's own name is replaced by it).") String name;
        @Option(names = "--plan", paramLabel = "FILE", description = "Start from this plan file (JSON) instead of the template.")
        Path planFile;
        @Option(names = "--staging", paramLabel = "ENV", description = "The configured environment the staging phases read.")
        String staging;
        @Option(names = "--production", paramLabel = "ENV", description = "The configured environment the production phases read.")
        String production;

        New(RolloutSession.Opener sessions, EnvironmentProfiles profiles, CredentialStore credentials) {
            this.sessions = sessions;
            this.profiles = profiles;
            this.credentials = credentials;
        }

        @Override
        public Integer call() {
            List<String> configured = configuredEnvironments();
            requireConfigured("--staging", staging, configured);
            requireConfigured("--production", production, configured);
            RolloutPlan plan = planFile == null ? RolloutPlans.fromTemplate(name, staging, production)
                    : pointed(RolloutPlans.named(RolloutPlans.fromFile(planFile), name));
            try (RolloutSession session = sessions.open()) {
                RolloutState created = session.rollouts().create(plan);
                session.current().remember(created.rollout());
                PrintWriter out = spec.commandLine().getOut();
                out.println("Created rollout " + created.rollout() + " from " + (planFile == null ? "the built-in template"
                        : "plan file " + planFile.getFileName()) + " (" + created.phases().size() + " phases); it is now the"
                        + " current rollout, in " + created.currentPhaseName() + ".");
                out.println("Next: " + NextAction.of(created, session.now()));
                out.flush();
                warnUnconfigured(created.plan(), configured);
                return 0;
            }
        }

        private RolloutPlan pointed(RolloutPlan plan) {
            RolloutPlan pointed = staging == null ? plan : RolloutPlans.withEnvironment(plan, EnvironmentRole.STAGING, staging);
            return production == null ? pointed : RolloutPlans.withEnvironment(pointed, EnvironmentRole.PRODUCTION, production);
        }

        private List<String> configuredEnvironments() {
            try (ConnectionPools pools = new ConnectionPools(credentials)) {
                // only the names are asked for: nothing connects, so the demo database is never started here
                return new EnvironmentCatalog(() -> {
                    throw new IllegalStateException("rollout new only reads environment names");
                }, profiles, pools, credentials).names();
            }
        }

        /** A plan may name environments not added yet (the template's staging, production): fine now, but say so. */
        private void warnUnconfigured(RolloutPlan plan, List<String> configured) {
            PrintWriter err = spec.commandLine().getErr();
            for (PlanEnvironment environment : plan.environments()) {
                if (!configured.contains(environment.environment())) {
                    err.println("control-room: warning: the " + environment.role().label() + " environment '"
                            + environment.environment() + "' is not configured yet; add it with: control-room env add "
                            + environment.environment() + " --url ... before its phases run.");
                }
            }
            err.flush();
        }

        private static void requireConfigured(String option, String environment, List<String> configured) {
            if (environment != null && !configured.contains(environment)) {
                throw new IllegalArgumentException(option + " names '" + environment + "', which is not a configured environment;"
                        + " use one of " + String.join(", ", configured) + " (or add it first with env add).");
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the rollouts with their current phase and its deployment marker; * marks the current one.")
    static final class ListRollouts implements Callable<Integer> {
        private final RolloutSession.Opener sessions;

        @Spec CommandSpec spec;

        ListRollouts(RolloutSession.Opener sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (RolloutSession session = sessions.open()) {
                List<String> names = session.rollouts().names();
                if (names.isEmpty()) {
                    out.println("No rollouts yet; create one with: control-room rollout new NAME");
                    out.flush();
                    return 0;
                }
                Optional<String> current = session.resolvedCurrent();
                List<List<Object>> rows = new ArrayList<>();
                for (String name : names) {
                    RolloutState state = session.rollouts().require(name);
                    rows.add(List.of(current.filter(name::equals).isPresent() ? "*" : "", name, state.currentPhaseName(),
                            UtcTime.text(state.current().map(PhaseState::startedAt).orElse(null))));
                }
                out.print(new TextTable(List.of("", "Rollout", "Phase", "Marker"), rows).render(""));
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true,
            description = "Make a rollout the current one, for these commands and the desktop app.")
    static final class Use implements Callable<Integer> {
        private final RolloutSession.Opener sessions;

        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", description = "A rollout of this data folder (see rollout list).") String name;

        Use(RolloutSession.Opener sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            try (RolloutSession session = sessions.open()) {
                RolloutState state = session.resolve(name);
                session.current().remember(state.rollout());
                PrintWriter out = spec.commandLine().getOut();
                out.println("Current rollout: " + state.rollout() + ", in " + state.currentPhaseName() + ".");
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Print the rollout's plan in force as a plan file (JSON): save it, edit it, then rollout amend.")
    static final class ShowPlan implements Callable<Integer> {
        private final RolloutSession.Opener sessions;

        @Spec CommandSpec spec;
        @Mixin RolloutOption rollout;

        ShowPlan(RolloutSession.Opener sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            try (RolloutSession session = sessions.open()) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(PlanFile.text(session.resolve(rollout.name).plan()));
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "amend", mixinStandardHelpOptions = true,
            description = "Replace the rollout's plan with an edited plan file; the journal keeps who, why, what changed and"
                    + " both plans. Phases already started cannot be removed or reordered.")
    static final class Amend implements Callable<Integer> {
        private final RolloutSession.Opener sessions;

        @Spec CommandSpec spec;
        @Mixin RolloutOption rollout;
        @Option(names = "--plan", paramLabel = "FILE", required = true, description = "The amended plan file (start from rollout plan).")
        Path planFile;
        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why the plan changes.")
        String reason;

        Amend(RolloutSession.Opener sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            RolloutPlan amended = RolloutPlans.fromFile(planFile);
            try (RolloutSession session = sessions.open()) {
                RolloutState state = session.rollouts().amend(session.resolve(rollout.name), amended, reason);
                PrintWriter out = spec.commandLine().getOut();
                List<String> changes = state.amendments().get(state.amendments().size() - 1).entry().changes();
                out.println("Amended the plan of " + state.rollout() + " (" + changes.size() + " change"
                        + (changes.size() == 1 ? "" : "s") + "):");
                changes.forEach(change -> out.println("  " + change));
                out.flush();
                return 0;
            }
        }
    }
}
