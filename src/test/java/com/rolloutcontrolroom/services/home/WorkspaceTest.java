package com.rolloutcontrolroom.services.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkspaceTest {

    private final AppHome home = new AppHome(Path.of("folder"));

    @Test
    void theDemoKeepsItsOwnJournalLockAndCurrentRolloutBesideTheRealOnes() {
        assertThat(Workspace.REAL.journal(home)).isEqualTo(home.journal());
        assertThat(Workspace.DEMO.journal(home)).isEqualTo(home.root().resolve("demo-journal.sqlite"));
        assertThat(Workspace.DEMO.journalLock(home)).isNotEqualTo(Workspace.REAL.journalLock(home));
        assertThat(Workspace.DEMO.rolloutSettings(home)).isNotEqualTo(Workspace.REAL.rolloutSettings(home));
        assertThat(Workspace.REAL.rolloutSettings(home)).isEqualTo(home.root().resolve("settings.json"));
    }

    @Test
    void theWindowOpensTheDemoWhenAskedToAndOnTheFirstRunOnly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        AppHome home = new AppHome(dir.resolve("data"));
        assertThat(Workspace.forDesktop(List.of(), home)).as("first run: no journal of the user's yet").isEqualTo(Workspace.DEMO);
        java.nio.file.Files.createDirectories(home.root());
        java.nio.file.Files.createFile(Workspace.DEMO.journal(home));
        assertThat(Workspace.forDesktop(List.of(), home)).as("the demo's journal is not the user's").isEqualTo(Workspace.DEMO);
        java.nio.file.Files.createFile(home.journal());
        assertThat(Workspace.forDesktop(List.of(), home)).isEqualTo(Workspace.REAL);
        assertThat(Workspace.forDesktop(List.of("--demo"), home)).isEqualTo(Workspace.DEMO);
    }

    @Test
    void aRunOnTheDemoEnvironmentRecordsIntoTheDemoJournalAndEveryOtherIntoTheRealOne() {
        assertThat(Workspace.forEnvironment("demo")).isEqualTo(Workspace.DEMO);
        assertThat(Workspace.forEnvironment("staging")).isEqualTo(Workspace.REAL);
        assertThat(Workspace.forEnvironment("production")).isEqualTo(Workspace.REAL);
    }
}
