package com.rolloutcontrolroom.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A failing command prints one sentence naming what to fix, not a stack trace (that goes to the
 * log). Bad input exits 2, anything else 1.
 */
final class OneSentenceErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        command.getErr().println("control-room: " + message(failure));
        // INFO: the log file gets the trace, the terminal (WARNING and up) only the sentence above
        java.util.logging.Logger.getLogger(OneSentenceErrors.class.getName())
                .log(java.util.logging.Level.INFO, "command failed", failure);
        return failure instanceof IllegalArgumentException ? 2 : 1;
    }

    private static String message(Throwable failure) {
        Throwable cause = failure;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
