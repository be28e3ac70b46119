package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;

/**
 * A row of the verification report's Issues &amp; Resolutions table. An open issue has no
 * resolution; resolving it later is a {@link Correction} carrying the resolved copy.
 */
public record IssueLogged(Instant recordedAt, Operator operator, String environment, String rollout,
                          Instant discoveredAt, String description, String resolution, Instant resolvedAt)
        implements JournalEntry {

    public IssueLogged {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        environment = Require.text(environment, "Issue environment");
        rollout = Require.text(rollout, "Rollout name");
        discoveredAt = Require.time(discoveredAt, "Issue discovered time");
        description = Require.text(description, "Issue description");
        resolution = Require.optionalText(resolution);
        resolvedAt = Require.optionalTime(resolvedAt);
        if ((resolution == null) != (resolvedAt == null)) {
            throw new IllegalArgumentException(
                    "Issue resolution and resolved time go together; fill in both or leave both empty.");
        }
        if (resolvedAt != null && resolvedAt.isBefore(discoveredAt)) {
            throw new IllegalArgumentException("Issue resolved time is before it was discovered; check both dates.");
        }
    }

    public boolean isResolved() {
        return resolvedAt != null;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.ISSUE;
    }
}
