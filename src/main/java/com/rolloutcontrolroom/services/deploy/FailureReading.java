package com.rolloutcontrolroom.services.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.rolloutcontrolroom.services.deploy.DeployFailure.Kind;

/**
 * Reads what a finished CLI command means: nothing wrong, or the one failure a person can act on. The
 * CLI's own words decide between a missing login, an unlinked folder and a network error; any other
 * non-zero exit is named with its code and the CLI's last line.
 */
final class FailureReading {

    static final String INSTALL = "install it with `npm i -g vercel` or set its path (Vercel CLI… in the deploy dialog,"
            + " or control-room deploy --vercel PATH).";
    private static final Pattern NOT_LOGGED_IN = Pattern.compile(
            "(?i)no existing credentials found|not logged in|please run `?vercel login|token is not valid|invalid token"
                    + "|the specified token is not valid|authentication required");
    private static final Pattern NOT_LINKED = Pattern.compile(
            "(?i)isn't linked to a project|is not linked to a (vercel )?project|project is not linked|run `?vercel link");
    private static final Pattern NETWORK = Pattern.compile(
            "(?i)ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up"
                    + "|FetchError|network error|request to https?://\\S+ failed");

    private FailureReading() {
    }

    static Optional<DeployFailure> of(String shown, ProcessRunner.Result result, Duration timeout) {
        if (result.cancelled()) {
            return Optional.of(new DeployFailure(Kind.CANCELLED, "Cancelled while `" + shown + "` ran; check the project's"
                    + " variables in Vercel before running the steps again."));
        }
        if (result.timedOut()) {
            return Optional.of(new DeployFailure(Kind.TIMEOUT, "`" + shown + "` gave no result within " + words(timeout)
                    + " and was stopped; check your network and the Vercel status page, then run it again."));
        }
        if (result.exitCode() != null && result.exitCode() == 0) {
            return Optional.empty();
        }
        String all = String.join("\n", result.lines());
        if (NOT_LOGGED_IN.matcher(all).find()) {
            return Optional.of(new DeployFailure(Kind.NOT_LOGGED_IN, "The Vercel CLI is not logged in: run `vercel login`"
                    + " in a terminal, or store a token with control-room deploy-token set."));
        }
        if (NOT_LINKED.matcher(all).find()) {
            return Optional.of(notLinked());
        }
        if (NETWORK.matcher(all).find()) {
            return Optional.of(new DeployFailure(Kind.NETWORK, "The Vercel CLI could not reach Vercel (network error);"
                    + " check your connection or proxy, then run the steps again."));
        }
        List<String> lines = result.lines();
        String last = lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
        return Optional.of(new DeployFailure(Kind.EXIT_CODE, "`" + shown + "` failed with exit code " + result.exitCode()
                + " (" + last + "); fix what it says, then run the steps again."));
    }

    static DeployFailure notLinked() {
        return new DeployFailure(Kind.NOT_LINKED, "The project folder is not linked to a Vercel project: run `vercel link`"
                + " in it, or choose the folder that is linked.");
    }

    static DeployFailure missing(String executable) {
        return new DeployFailure(Kind.CLI_MISSING, "The Vercel CLI is not installed (no " + executable + " found): " + INSTALL);
    }

    /** "the variable was not found": removing a variable that is not there is what an older CLI's overwrite expects. */
    static boolean nothingToRemove(ProcessRunner.Result result) {
        return result.exitCode() != null && result.lines().stream()
                .anyMatch(line -> line.toLowerCase(Locale.ROOT).contains("not found"));
    }

    private static String words(Duration timeout) {
        long seconds = timeout.toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " min" : seconds + " s";
    }
}
