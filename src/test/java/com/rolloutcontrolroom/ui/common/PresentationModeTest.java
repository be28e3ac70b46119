package com.rolloutcontrolroom.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.binding.StringBinding;

import org.junit.jupiter.api.Test;

class PresentationModeTest {

    @Test
    void showsEverythingUntilTurnedOnThenMasksWhatItLearnedAndThePatterns() {
        PresentationMode mode = new PresentationMode();
        mode.learn(List.of("orders-primary"));
        String sentence = "Could not reach orders-primary as app_reader at db.example.com:5432.";

        assertThat(mode.shown(sentence)).isEqualTo(sentence);
        mode.toggle();
        assertThat(mode.shown(sentence)).doesNotContain("orders-primary").doesNotContain("db.example.com").doesNotContain("5432");
    }

    @Test
    void keepsItsOwnCopyOfTheWordsItLearnedSoTheCallerChangingItsListMasksNothingLess() {
        PresentationMode mode = new PresentationMode();
        List<String> words = new ArrayList<>(List.of("orders-primary"));
        mode.learn(words);
        words.clear();

        mode.toggle();
        assertThat(mode.shown("orders-primary is up")).doesNotContain("orders-primary");
    }

    @Test
    void aBoundTextFollowsTheModeAndWhatItLearnsWhileOn() {
        PresentationMode mode = new PresentationMode();
        SimpleStringProperty raw = new SimpleStringProperty("Connected to reporting-replica");
        StringBinding shown = mode.shown(raw);
        List<Object> redactors = new ArrayList<>();
        mode.redactorInUseProperty().addListener((obs, old, now) -> redactors.add(now));

        assertThat(shown.get()).isEqualTo("Connected to reporting-replica");
        mode.toggle();
        assertThat(shown.get()).isEqualTo("Connected to reporting-replica"); // not a word it knows yet, nor a host's shape
        mode.learn(List.of("reporting-replica"));
        assertThat(shown.get()).doesNotContain("reporting-replica");
        assertThat(redactors).hasSize(2).doesNotContainNull();
        mode.toggle();
        assertThat(shown.get()).isEqualTo("Connected to reporting-replica");
        assertThat(redactors).hasSize(3).last().isNull();
    }
}
