package com.rolloutcontrolroom.domain.rollout;

import com.rolloutcontrolroom.domain.journal.JournalEntry;

/**
 * A record of a rollout as it reads now.
 *
 * @param phase     the phase the rollout was in when it was recorded; null before the rollout was created
 * @param corrected whether a correction replaced what the record first said
 */
public record Recorded<T extends JournalEntry>(long id, T entry, String phase, boolean corrected) {
}
