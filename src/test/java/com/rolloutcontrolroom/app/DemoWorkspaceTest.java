package com.rolloutcontrolroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.demo.DemoHistory;
import com.rolloutcontrolroom.services.demo.DemoStory;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.home.Workspace;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.ui.main.Screen;

/** The window on {@code --demo} works in the demo's own journal, and opens on the demo rollout under way; without it, on the real one. */
class DemoWorkspaceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    @TempDir
    Path folder;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @Test
    void theDemoWindowFindsTheDemoRolloutUnderWayOnAFreshFolderAndLeavesTheRealJournalAlone() {
        AppHome home = new AppHome(folder).ensureExists();
        DemoStory story = DemoStory.anchoredAt(NOW);
        try (ControlRoom room = room(home, Workspace.DEMO, story)) {
            room.start();
        }

        assertThat(home.journal()).doesNotExist();
        try (JournalAccess demo = new JournalAccess(home, Workspace.DEMO, JournalKeys.none("Test."))) {
            RolloutState state = new Rollouts(demo, OperatorIdentity.forCurrentUser(home), clock).require(DemoHistory.ROLLOUT);
            assertThat(state.currentPhaseName()).isEqualTo("Staging full");
            assertThat(state.current().orElseThrow().startedAt()).isEqualTo(story.fullStart());
            assertThat(Duration.between(story.fullStart(), NOW)).isEqualTo(Duration.ofHours(30));
        }
    }

    @Test
    void theRealWindowRecordsNoDemoHistory() {
        AppHome home = new AppHome(folder).ensureExists();
        try (ControlRoom room = room(home, Workspace.REAL, DemoStory.anchoredAt(NOW))) {
            room.start();
        }
        assertThat(Workspace.DEMO.journal(home)).doesNotExist();
        try (JournalAccess real = new JournalAccess(home)) {
            assertThat(real.reader().entries(JournalQuery.ofKinds(EntryKind.ROLLOUT_CREATED))).as("no demo history").isEmpty();
        }
    }

    private ControlRoom room(AppHome home, Workspace workspace, DemoStory story) {
        return new ControlRoom(home, () -> {
            throw new IllegalStateException("No database in this test.");
        }, new SessionCredentialStore("Test."), executor, clock, Screen.DASHBOARD, JournalKeys.none("Test."), workspace,
                () -> story);
    }
}
