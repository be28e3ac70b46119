package com.rolloutcontrolroom.services.journal;

import static com.rolloutcontrolroom.domain.journal.JournalSamples.ANA;
import static com.rolloutcontrolroom.domain.journal.JournalSamples.ROLLOUT;
import static com.rolloutcontrolroom.domain.journal.JournalSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.home.AppHome;

/** A record built from the head read inside its own append transaction names exactly the record before it. */
class AppendOnHeadTest {

    @TempDir
    Path dir;

    private static Function<ChainHead, JournalEntry> signOff(List<ChainHead> seen) {
        return head -> {
            seen.add(head);
            return new SignedOff(T0, ANA, null, ROLLOUT, "QA", "Quinn Lee", T0, null, head.hash());
        };
    }

    @Test
    void theRecordPinsTheHeadItIsChainedOnto() {
        try (JournalDatabase db = JournalDatabase.open(new AppHome(dir))) {
            JournalWriter writer = new JournalWriter(db);
            JournalSamples.everyKind(T0).subList(0, 3).forEach(writer::append);
            ChainHead before = new JournalReader(db).head();
            List<ChainHead> seen = new ArrayList<>();

            StoredEntry stored = writer.appendOnHead(null, signOff(seen));

            assertThat(seen).containsExactly(before);
            assertThat(stored.id()).isEqualTo(before.id() + 1);
            assertThat(((SignedOff) stored.entry()).approvedHeadHash()).isEqualTo(before.hash()).isEqualTo(stored.previousHash());
            assertThat(new ChainVerifier(db).verify().isIntact()).isTrue();
        }
    }

    @Test
    void aHeadTheJournalHasGrownPastIsRefusedAndNothingIsWritten() {
        try (JournalDatabase db = JournalDatabase.open(new AppHome(dir))) {
            JournalWriter writer = new JournalWriter(db);
            writer.append(JournalSamples.everyKind(T0).get(0));
            ChainHead read = new JournalReader(db).head();
            writer.append(JournalSamples.everyKind(T0).get(1));
            ChainHead now = new JournalReader(db).head();

            assertThatThrownBy(() -> writer.appendOnHead(read, signOff(new ArrayList<>())))
                    .isInstanceOfSatisfying(HeadMovedException.class, moved -> {
                        assertThat(moved.expected()).isEqualTo(read);
                        assertThat(moved.actual()).isEqualTo(now);
                    });
            assertThat(new JournalReader(db).head()).isEqualTo(now);
            assertThat(writer.appendOnHead(now, signOff(new ArrayList<>())).id()).isEqualTo(now.id() + 1);
            assertThat(new JournalReader(db).headWithHash(now.hash())).contains(now);
            assertThat(new JournalReader(db).headWithHash("f".repeat(64))).isEmpty();
        }
    }
}
