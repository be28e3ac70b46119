package com.rolloutcontrolroom.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.signoff.SignOffRole;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code control-room sign-off}: a person signs a role of the verification report, pinned to the journal head at
 * the moment of signing (read in the append's own transaction). With {@code --head} the signer names the head
 * they read; a journal that has grown since is refused, nothing written. {@code sign-off list} shows them.
 */
@Command(name = "sign-off", mixinStandardHelpOptions = true,
        description = {"Sign a role of the verification report, bound to the journal head: the sign-off approves every"
                + " record up to the one before it.",
                "Roles: Engineering, Design/PM, QA (implementation); Implementation Lead, Engineering Manager, Operations Lead"
                        + " (rollout)."})
final class SignOffCommand implements Callable<Integer> {

    private final RolloutSession.Opener sessions;

    @Spec CommandSpec spec;
    @Mixin RolloutOption rollout;
    @Option(names = "--role", paramLabel = "ROLE", description = "The role signed, e.g. QA or \"Operations Lead\".")
    String role;
    @Option(names = "--name", paramLabel = "NAME", description = "Who signs.")
    String name;
    @Option(names = "--comment", paramLabel = "TEXT", description = "What the signer says with it (optional).")
    String comment;
    @Option(names = "--head", paramLabel = HeadArgument.LABEL, converter = HeadArgument.class,
            description = "The journal head the signer read (journal verify prints it, the Journal screen copies it);"
                    + " refused if the journal has grown since.")
    ChainHead head;

    private SignOffCommand(RolloutSession.Opener sessions) {
        this.sessions = sessions;
    }

    static CommandLine commandLine(RolloutSession.Opener sessions) {
        CommandLine signOff = new CommandLine(new SignOffCommand(sessions));
        signOff.addSubcommand(new ListSignOffs(sessions));
        return signOff;
    }

    @Override
    public Integer call() {
        if (role == null || name == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Name the role and the signer with --role ROLE --name NAME, or list the sign-offs with sign-off list.");
        }
        SignOffRole signed = SignOffRole.parse(role).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "There is no sign-off role '" + role + "'; use one of " + roleLabels() + "."));
        try (RolloutSession session = sessions.open()) {
            RolloutState state = session.resolve(rollout.name);
            StoredEntry stored = session.signOffs().sign(state, signed, name, comment, head);
            PrintWriter out = spec.commandLine().getOut();
            out.println(state.rollout() + ": " + signed.label() + " signed off by " + name.strip() + " (journal record "
                    + stored.id() + ").");
            // the head was read in the append's own transaction, so it is the record just before the sign-off
            String approved = ((SignedOff) stored.entry()).approvedHeadHash();
            out.println("It approves the journal up to record " + (stored.id() - 1) + ": head " + (stored.id() - 1) + ":"
                    + approved + ".");
            out.flush();
            return 0;
        }
    }

    static String roleLabels() {
        return Arrays.stream(SignOffRole.values()).map(SignOffRole::label).collect(Collectors.joining(", "));
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every sign-off of the rollout, oldest first: role, name, when, its record and the head it approved.")
    static final class ListSignOffs implements Callable<Integer> {
        private final RolloutSession.Opener sessions;

        @Spec CommandSpec spec;
        @Mixin RolloutOption rollout;

        ListSignOffs(RolloutSession.Opener sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            try (RolloutSession session = sessions.open()) {
                RolloutState state = session.resolve(rollout.name);
                PrintWriter out = spec.commandLine().getOut();
                if (state.signOffs().isEmpty()) {
                    out.println(state.rollout() + " has no sign-offs yet; sign one with sign-off --role ROLE --name NAME.");
                    out.flush();
                    return 0;
                }
                List<List<Object>> rows = new ArrayList<>();
                for (Recorded<SignedOff> recorded : state.signOffs()) {
                    SignedOff signOff = recorded.entry();
                    String pinned = session.signOffs().pinnedHead(signOff).map(HeadArgument::abbreviated)
                            .orElse("not in this journal (" + ChainHash.abbreviate(signOff.approvedHeadHash()) + ")");
                    rows.add(List.of(signOff.role(), signOff.name(), UtcTime.text(signOff.signedAt()), "#" + recorded.id(),
                            pinned, signOff.comment() == null ? "" : signOff.comment()));
                }
                out.println("Sign-offs of " + state.rollout() + ":");
                out.print(new TextTable(List.of("Role", "Name", "Signed at", "Record", "Pinned head", "Comment"), rows).render("  "));
                out.flush();
                return 0;
            }
        }
    }
}
