package com.rolloutcontrolroom.domain.deploy;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.rolloutcontrolroom.domain.rollout.ShellWord;

/**
 * One run of the Vercel CLI: its arguments (after the executable's name) and what goes to its standard
 * input. A flag's value travels only on standard input, never as an argument, so it is in no process
 * listing and no prompt answers it by hand.
 *
 * @param stdin the text written to standard input (no trailing newline: older CLIs keep one as part of
 *              the value); null when the command reads nothing
 * @param flag  the flag a set or remove concerns; null for a deploy or read-back
 */
public record CliCommand(Step step, List<String> arguments, String stdin, String flag) {

    /** The executable as the copyable lines name it. */
    public static final String EXECUTABLE = "vercel";
    /** Where the read-back's private file goes; the runner puts a fresh path there. */
    public static final String READ_BACK_FILE = "<private temporary file>";
    /** The same place in a line to copy: a file in a fresh private folder, as a POSIX shell makes one. */
    static final String READ_BACK_FILE_SHOWN = "\"$(mktemp -d)/flags.env\"";

    public enum Step { REMOVE_FLAG, SET_FLAG, DEPLOY, READ_BACK }

    public CliCommand {
        Objects.requireNonNull(step, "step");
        arguments = List.copyOf(arguments);
    }

    /**
     * The line to copy into a shell: {@code printf '%s' false | vercel env add NAME preview --force}.
     * Word by word as the child gets it; the read-back names its file by the placeholder.
     */
    public String shown() {
        String line = EXECUTABLE + " " + arguments.stream()
                .map(word -> word.equals(READ_BACK_FILE) ? READ_BACK_FILE_SHOWN : ShellWord.quote(word))
                .collect(Collectors.joining(" "));
        return stdin == null ? line : "printf '%s' " + ShellWord.quote(stdin) + " | " + line;
    }

    /** The arguments with the read-back's placeholder replaced by the real file. */
    public List<String> argumentsWith(String readBackFile) {
        return arguments.stream().map(word -> word.equals(READ_BACK_FILE) ? readBackFile : word).toList();
    }
}
