package com.rolloutcontrolroom.domain.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;

/**
 * The plan's deploy command ({@code vercel --target preview}, {@code vercel --prod}) as the arguments the
 * adapter runs, so the control room deploys exactly what the plan and the copyable steps say. Only one
 * plain {@code vercel} command is run: anything a shell would have to interpret is refused, and so is a
 * token on the command line (it would be in every process listing).
 */
public final class DeployWords {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private DeployWords() {
    }

    /** @throws DeployPlanException naming the environment and what to do */
    public static List<String> of(PlanEnvironment environment) {
        String command = environment.deployCommand().strip();
        String[] words = command.split("\\s+");
        String where = "The plan's deploy command for " + environment.role().label() + " ('" + command + "')";
        if (!words[0].equals(CliCommand.EXECUTABLE) && !words[0].equals("vc")) {
            throw new DeployPlanException(where + " does not start with vercel; amend the plan or run the steps by hand.");
        }
        List<String> arguments = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            if (!PLAIN.matcher(word).matches()) {
                throw new DeployPlanException(where + " is not one plain vercel command; amend the plan or run the steps by hand.");
            }
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.equals("-t") || lower.startsWith("--token")) {
                throw new DeployPlanException(where + " passes a token as an argument; remove it and keep the token in the"
                        + " keychain (control-room deploy-token set).");
            }
            arguments.add(word);
        }
        // without --yes a first deploy asks to set up the project, and nobody answers a child's prompt
        if (!arguments.contains("--yes") && !arguments.contains("-y")) {
            arguments.add("--yes");
        }
        return List.copyOf(arguments);
    }
}
