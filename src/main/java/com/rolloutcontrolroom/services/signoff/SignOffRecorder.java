package com.rolloutcontrolroom.services.signoff;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.signoff.SignOffRole;
import com.rolloutcontrolroom.services.journal.HeadMovedException;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;

/**
 * Records sign-offs, each pinned to the journal head at the moment of signing: the head is read in the
 * append's own transaction, so the sign-off approves exactly the records before it and nothing any
 * process writes can slip in between. Blocking I/O: call off the FX thread.
 */
public final class SignOffRecorder {

    private final JournalAccess journal;
    private final OperatorIdentity operator;
    private final Clock clock;

    public SignOffRecorder(JournalAccess journal, OperatorIdentity operator, Clock clock) {
        this.journal = journal;
        this.operator = operator;
        this.clock = clock;
    }

    /** The journal's head now: what a sign-off given now would approve. */
    public ChainHead head() {
        return journal.exists() ? journal.reader().head() : ChainHead.EMPTY;
    }

    /** The record a sign-off approved, found by its hash; empty when this journal has no record with that hash. */
    public Optional<ChainHead> pinnedHead(SignedOff signOff) {
        // the genesis hash is the head of an empty journal: a sign-off of nothing, but a head all the same
        if (ChainHead.EMPTY.hash().equals(signOff.approvedHeadHash())) {
            return Optional.of(ChainHead.EMPTY);
        }
        return journal.reader().headWithHash(signOff.approvedHeadHash());
    }

    /**
     * Appends a SIGN_OFF of {@code rollout} whose approved head is the record before it.
     *
     * @param expected the head the signer read and approves; null to approve whatever the head is now
     * @return the stored sign-off: its {@code previousHash} is the head it approves
     * @throws HeadMovedException when {@code expected} is given and the journal has grown past it (nothing written)
     * @throws IllegalArgumentException when the name is blank
     */
    public StoredEntry sign(RolloutState rollout, SignOffRole role, String name, String comment, ChainHead expected) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A sign-off needs the signer's name; enter who signs as " + role.label() + ".");
        }
        Instant now = Instant.now(clock);
        return journal.writer().appendOnHead(expected, head -> new SignedOff(now, operator.current(), null,
                rollout.rollout(), role.label(), name, now, comment, head.hash()));
    }
}
