package com.rolloutcontrolroom.cli;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.services.signoff.SignOffRecorder;

/**
 * One command's access to the rollouts of the data folder: the same {@link Rollouts} and
 * {@link CurrentRollout} the window uses (the current rollout is remembered in settings.json, where
 * the window and {@code run} look for it), and the journal closed when the command ends.
 */
final class RolloutSession implements AutoCloseable {

    private final JournalAccess journal;
    private final Rollouts rollouts;
    private final CurrentRollout current;
    private final SignOffRecorder signOffs;

    private RolloutSession(JournalAccess journal, Rollouts rollouts, CurrentRollout current, SignOffRecorder signOffs) {
        this.journal = journal;
        this.rollouts = rollouts;
        this.current = current;
        this.signOffs = signOffs;
    }

    SignOffRecorder signOffs() {
        return signOffs;
    }

    Rollouts rollouts() {
        return rollouts;
    }

    CurrentRollout current() {
        return current;
    }

    Instant now() {
        return rollouts.now();
    }

    /** The rollout named by {@code --rollout}, else the current one; one sentence when none can be told. */
    RolloutState resolve(String named) {
        return rollouts.require(current.resolve(named, rollouts.names()));
    }

    /** The rollout a command without {@code --rollout} would work on, if one can be told. */
    Optional<String> resolvedCurrent() {
        try {
            return Optional.of(current.resolve(null, rollouts.names()));
        } catch (MoveRefused none) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        journal.close();
    }

    /** Opens sessions on one data folder; the clock is the tests' way to let a phase's minimum duration pass. */
    record Opener(AppHome home, CredentialStore credentials, Clock clock) {

        RolloutSession open() {
            // the journal's key lives in the keychain, as for run: a journal signed once stays signed
            JournalAccess journal = new JournalAccess(home, new KeychainJournalKeys(credentials));
            SettingsFile settings = new SettingsFile(home.root().resolve("settings.json"));
            Rollouts rollouts = new Rollouts(journal, OperatorIdentity.forCurrentUser(home), clock);
            return new RolloutSession(journal, rollouts, new CurrentRollout(settings), rollouts.signOffs());
        }
    }
}
