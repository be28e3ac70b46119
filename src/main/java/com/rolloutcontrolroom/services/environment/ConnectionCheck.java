package com.rolloutcontrolroom.services.environment;

import java.time.Duration;

/** The outcome of testing an environment's connection, as it is shown: one sentence either way. */
public record ConnectionCheck(boolean connected, String serverVersion, Duration connectTime, Duration roundTrip,
                              boolean readOnly, String sentence) {

    static ConnectionCheck connected(String serverVersion, Duration connectTime, Duration roundTrip, boolean readOnly) {
        String sentence = "Connected to PostgreSQL " + serverVersion + " in " + connectTime.toMillis() + " ms (round trip "
                + String.format(java.util.Locale.ROOT, "%.1f", roundTrip.toNanos() / 1e6) + " ms); " + (readOnly ? "the session is read-only." : "the session is NOT read-only.");
        return new ConnectionCheck(readOnly, serverVersion, connectTime, roundTrip, readOnly, sentence);
    }

    static ConnectionCheck failed(String sentence) {
        return new ConnectionCheck(false, "", Duration.ZERO, Duration.ZERO, false, sentence);
    }
}
