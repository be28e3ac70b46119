package com.rolloutcontrolroom.services.home;

import java.nio.file.Path;
import java.util.List;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;

/**
 * Whose rollouts a process works on: the user's own, or the demo's. Each keeps its own journal (and
 * its own remembered current rollout) in the data folder, so a demo record never lands among real
 * rollouts or in their evidence. Which one a process uses is decided here and nowhere else.
 */
public enum Workspace {

    REAL("journal", "settings.json"),
    DEMO("demo-journal", "demo-settings.json");

    /** The command-line option that opens the window on the demo. */
    public static final String DEMO_OPTION = "--demo";

    private final String journalStem;
    private final String rolloutSettings;

    Workspace(String journalStem, String rolloutSettings) {
        this.journalStem = journalStem;
        this.rolloutSettings = rolloutSettings;
    }

    /**
     * The window: the demo when started with {@value #DEMO_OPTION}, and on the first run, before this data
     * folder has a journal of its own (the product opens on its demo rollout first); else the user's rollouts.
     */
    public static Workspace forDesktop(List<String> arguments, AppHome home) {
        return arguments.contains(DEMO_OPTION) || !java.nio.file.Files.exists(REAL.journal(home)) ? DEMO : REAL;
    }

    /** A run records into the workspace of the environment it read: the demo database's numbers are demo evidence. */
    public static Workspace forEnvironment(String environment) {
        return EnvironmentProfile.DEMO_NAME.equals(environment) ? DEMO : REAL;
    }

    /**
     * Why a run on {@code environment} may not be recorded in this workspace's journal: demo numbers are not
     * evidence of a real rollout, and a real measurement does not belong in the demo's journal.
     */
    public java.util.Optional<String> recordingRefusal(String environment) {
        if (forEnvironment(environment) == this) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(this == REAL
                ? "a run on the demo database is demo evidence, so it is kept out of your rollouts' journal; open the demo"
                        + " (--demo) to record it"
                : "this window is the demo, and a run on " + environment + " belongs among your own rollouts; open the app"
                        + " without --demo to record it");
    }

    public Path journal(AppHome home) {
        return home.root().resolve(journalStem + ".sqlite");
    }

    /** Held while a process opens that journal for writing; one per journal, so the two never wait on each other. */
    public Path journalLock(AppHome home) {
        return home.root().resolve(journalStem + ".lock");
    }

    /** The settings file that remembers this workspace's current rollout. */
    public Path rolloutSettings(AppHome home) {
        return home.root().resolve(rolloutSettings);
    }
}
