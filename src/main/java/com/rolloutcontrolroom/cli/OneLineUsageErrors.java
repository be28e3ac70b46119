package com.rolloutcontrolroom.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad usage prints one line naming what to fix and where the help is, then exits 2. Picocli's
 * default prints the whole usage page, which buries the one thing that was wrong (and scrolls it
 * away in a script's log).
 */
final class OneLineUsageErrors implements IParameterExceptionHandler {

    static final int BAD_USAGE = 2;

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        String seeHelp = " (see " + command.getCommandSpec().qualifiedName() + " --help).";
        command.getErr().println("control-room: " + withoutFinalStop(sentence(problem, command)) + seeHelp);
        return BAD_USAGE;
    }

    private static String sentence(ParameterException problem, CommandLine command) {
        if (problem instanceof UnmatchedArgumentException unmatched && isUnknownCommand(unmatched, command)) {
            return "Unknown command '" + unmatched.getUnmatched().get(0) + "'; use one of "
                    + String.join(", ", command.getSubcommands().keySet());
        }
        ArgSpec arg = problem.getArgSpec();
        if (arg != null && problem.getValue() != null && problem.getCause() != null) {
            // a value that did not convert: say what the option takes rather than the Java type it missed
            String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
            return name + " takes " + arg.paramLabel() + ", not '" + problem.getValue() + "'";
        }
        return problem.getMessage();
    }

    private static boolean isUnknownCommand(UnmatchedArgumentException unmatched, CommandLine command) {
        List<String> words = unmatched.getUnmatched();
        return !command.getSubcommands().isEmpty() && !words.isEmpty() && !words.get(0).startsWith("-");
    }

    private static String withoutFinalStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
