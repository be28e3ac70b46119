package com.rolloutcontrolroom.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A failing command prints one sentence naming what to fix, not a stack trace (that goes to the
 * log). Bad input exits 2, anything else 1. A sentence may repeat what was typed (an environment
 * name, a suite), so it is redacted like a usage error, and so is the log line.
 */
final class OneSentenceErrors implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OneSentenceErrors.class);

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        return report(failure, command.getErr());
    }

    /** Prints the failure's one sentence and logs the rest; returns the exit code. */
    static int report(Exception failure, java.io.PrintWriter err) {
        String sentence = message(failure);
        String redacted = Redaction.redact(sentence);
        err.println("control-room: " + redacted);
        // INFO: the log file gets the trace, the terminal (WARNING and up) only the sentence above;
        // a trace whose messages held a secret is logged as its redacted sentence only
        if (redacted.equals(sentence) && !anyMessageRedacted(failure)) {
            LOG.info("command failed", failure);
        } else {
            LOG.info("command failed: {} ({})", redacted, failure.getClass().getName());
        }
        return failure instanceof IllegalArgumentException ? 2 : 1;
    }

    private static boolean anyMessageRedacted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.equals(Redaction.redact(message))) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable failure) {
        Throwable cause = failure;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
