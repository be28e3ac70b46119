package com.rolloutcontrolroom.cli;

import java.util.ArrayList;
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
 * away in a script's log). An argument that was not understood is never repeated as typed: command
 * lines are pasted from runbooks, and the word that did not fit is often a URL with a password.
 */
final class OneLineUsageErrors implements IParameterExceptionHandler {

    static final int BAD_USAGE = 2;
    private static final String NOT_REPEATED = "not repeated here, as it may hold a secret";

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        String seeHelp = " (see " + command.getCommandSpec().qualifiedName() + " --help).";
        command.getErr().println("control-room: " + withoutFinalStop(Redaction.redact(sentence(problem, command))) + seeHelp);
        return BAD_USAGE;
    }

    private static String sentence(ParameterException problem, CommandLine command) {
        if (problem instanceof UnmatchedArgumentException unmatched) {
            return isUnknownCommand(unmatched, command) ? unknownCommand(unmatched.getUnmatched().get(0), command)
                    : unmatchedWords(unmatched.getUnmatched(), command);
        }
        ArgSpec arg = problem.getArgSpec();
        if (arg != null && problem.getValue() != null && problem.getCause() != null) {
            // a value that did not convert: say what the option takes rather than the Java type it missed
            String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
            return name + " takes " + arg.paramLabel() + ", not '" + problem.getValue() + "'";
        }
        return problem.getMessage();
    }

    private static String unknownCommand(String word, CommandLine command) {
        return "Unknown command " + (Redaction.plainWord(word) ? "'" + word + "'" : "(" + NOT_REPEATED + ")") + "; use one of "
                + String.join(", ", command.getSubcommands().keySet());
    }

    /** Options by name only (never a value after '='); other words only counted. */
    private static String unmatchedWords(List<String> words, CommandLine command) {
        List<String> options = new ArrayList<>();
        int others = 0;
        for (String word : words) {
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            if (name.startsWith("-") && Redaction.plainWord(name)) {
                options.add(name);
            } else {
                others++;
            }
        }
        String where = command.getCommandSpec().qualifiedName();
        // "env add got ...", not "control-room env add got ..." after the "control-room: " prefix
        where = command.getCommandSpec().parent() == null ? where : where.substring(where.indexOf(' ') + 1);
        List<String> parts = new ArrayList<>();
        if (!options.isEmpty()) {
            parts.add((options.size() == 1 ? "an unknown option " : "unknown options ") + String.join(", ", options));
        }
        if (others > 0) {
            parts.add((others == 1 ? "1 argument it does not take" : others + " arguments it does not take") + " (" + NOT_REPEATED + ")");
        }
        return where + " got " + String.join(" and ", parts) + "; check the spelling and the quoting";
    }

    private static boolean isUnknownCommand(UnmatchedArgumentException unmatched, CommandLine command) {
        List<String> words = unmatched.getUnmatched();
        return !command.getSubcommands().isEmpty() && !words.isEmpty() && !words.get(0).startsWith("-");
    }

    private static String withoutFinalStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
