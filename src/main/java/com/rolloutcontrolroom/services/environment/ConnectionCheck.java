package com.rolloutcontrolroom.services.environment;

import java.time.Duration;
import java.util.Optional;

import com.rolloutcontrolroom.domain.query.IndexAdvice;

/**
 * The outcome of testing an environment's connection, as it is shown: one sentence either way, plus
 * what the role could do beyond reading ({@link RoleFindings}: warnings, or an error when the
 * profile requires a read-only role), and the index the suite's queries lack, if any ({@link IndexAdvice}).
 */
public record ConnectionCheck(boolean connected, String serverVersion, Duration connectTime, Duration roundTrip,
                              boolean readOnly, String sentence, RoleFindings role, boolean roleRequired,
                              Optional<IndexAdvice> indexAdvice) {

    static ConnectionCheck connected(String serverVersion, Duration connectTime, Duration roundTrip, boolean readOnly,
                                     RoleFindings role, boolean roleRequired,
                              Optional<IndexAdvice> indexAdvice) {
        String sentence = "Connected to PostgreSQL " + serverVersion + " in " + connectTime.toMillis() + " ms (round trip "
                + String.format(java.util.Locale.ROOT, "%.1f", roundTrip.toNanos() / 1e6) + " ms); " + (readOnly ? "the session is read-only." : "the session is NOT read-only.");
        return new ConnectionCheck(readOnly, serverVersion, connectTime, roundTrip, readOnly, sentence, role, roleRequired, indexAdvice);
    }

    static ConnectionCheck failed(String sentence) {
        return new ConnectionCheck(false, "", Duration.ZERO, Duration.ZERO, false, sentence, RoleFindings.none(), false, Optional.empty());
    }

    /** Connected, and the role is acceptable: clean, or only warned about because the profile does not require a read-only role. */
    public boolean passed() {
        return connected && !(roleRequired && !role.clean());
    }
}
