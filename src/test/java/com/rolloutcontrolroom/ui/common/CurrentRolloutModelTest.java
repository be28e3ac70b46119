package com.rolloutcontrolroom.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.TestRollouts;

/** The window's current rollout on a real journal and a real settings file, with no toolkit. */
class CurrentRolloutModelTest {

    @TempDir
    Path folder;

    private AppHome home;
    private JournalAccess journal;

    @BeforeEach
    void openTheJournal() {
        home = new AppHome(folder).ensureExists();
        journal = new JournalAccess(home);
    }

    @AfterEach
    void closeTheJournal() {
        journal.close();
    }

    @Test
    void anEmptyDataFolderHasNoCurrentRolloutAndSaysToCreateOne() {
        CurrentRolloutModel model = model();
        model.refresh();

        assertThat(model.names()).isEmpty();
        assertThat(model.currentProperty().get()).isNull();
        assertThat(CurrentRolloutModel.NONE_CURRENT).startsWith("Create a rollout first").endsWith(".");
    }

    @Test
    void theOnlyRolloutIsCurrentWithoutBeingChosen() {
        TestRollouts.create(journal, home, "CHECKOUT_V2");
        CurrentRolloutModel model = model();
        model.refresh();

        assertThat(model.names()).containsExactly("CHECKOUT_V2");
        assertThat(model.currentProperty().get()).isEqualTo("CHECKOUT_V2");
    }

    @Test
    void severalRolloutsAreListedAndNoneIsGuessedUntilOneIsChosen() {
        TestRollouts.create(journal, home, "CHECKOUT_V2", "SEARCH_V3");
        CurrentRolloutModel model = model();
        model.refresh();

        assertThat(model.names()).containsExactly("CHECKOUT_V2", "SEARCH_V3");
        assertThat(model.currentProperty().get()).isNull();
    }

    @Test
    void theChosenRolloutIsRememberedAcrossRestartsInTheSettingsFile() throws Exception {
        TestRollouts.create(journal, home, "CHECKOUT_V2", "SEARCH_V3");
        CurrentRolloutModel before = model();
        before.refresh();

        before.currentProperty().set("SEARCH_V3");

        assertThat(Files.readString(folder.resolve("settings.json"))).contains("\"currentRollout\" : \"SEARCH_V3\"");
        journal.close();
        journal = new JournalAccess(home);
        CurrentRolloutModel afterRestart = model();
        afterRestart.refresh();
        assertThat(afterRestart.currentProperty().get()).isEqualTo("SEARCH_V3");
    }

    @Test
    void aRolloutCreatedLaterIsListedAtTheNextRefreshAndTheChoiceStays() {
        TestRollouts.create(journal, home, "CHECKOUT_V2");
        CurrentRolloutModel model = model();
        model.refresh();
        model.currentProperty().set("CHECKOUT_V2");

        TestRollouts.create(journal, home, "SEARCH_V3");
        model.refresh();

        assertThat(model.names()).containsExactly("CHECKOUT_V2", "SEARCH_V3");
        assertThat(model.currentProperty().get()).isEqualTo("CHECKOUT_V2");
    }

    @Test
    void aRolloutJustCreatedBecomesCurrentIsListedAndIsRemembered() throws Exception {
        TestRollouts.create(journal, home, "CHECKOUT_V2", "SEARCH_V3");
        CurrentRolloutModel model = model();
        model.refresh();
        TestRollouts.create(journal, home, "PAYMENTS_V4");

        model.makeCurrent("PAYMENTS_V4");

        assertThat(model.currentProperty().get()).isEqualTo("PAYMENTS_V4");
        assertThat(model.names()).containsExactly("CHECKOUT_V2", "SEARCH_V3", "PAYMENTS_V4");
        assertThat(Files.readString(folder.resolve("settings.json"))).contains("\"currentRollout\" : \"PAYMENTS_V4\"");
    }

    @Test
    void aChoiceThatCannotBeRememberedIsSaidInOneSentenceAndStillHoldsThisSession() throws Exception {
        TestRollouts.create(journal, home, "CHECKOUT_V2", "SEARCH_V3");
        Files.writeString(folder.resolve("settings.json"), "{ damaged");
        CurrentRolloutModel model = model();
        model.refresh();

        model.currentProperty().set("SEARCH_V3");

        assertThat(model.currentProperty().get()).isEqualTo("SEARCH_V3");
        assertThat(model.problemProperty().get()).isEqualTo("SEARCH_V3 is current for this session only: Settings file "
                + folder.resolve("settings.json") + " is damaged, so it was not changed; fix or delete it.");
    }

    private CurrentRolloutModel model() {
        SettingsFile settings = new SettingsFile(folder.resolve("settings.json"));
        Rollouts rollouts = new Rollouts(journal, new OperatorIdentity("ana", settings), Clock.systemUTC());
        return new CurrentRolloutModel(rollouts, new CurrentRollout(settings), new CurrentThreadTaskExecutor());
    }
}
