package com.rolloutcontrolroom.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MnemonicsTest {

    @Test
    void theFirstSingleUnderscoreMarksTheKeyAndIsNotDrawn() {
        assertThat(Mnemonics.keysOf("Re_fresh")).contains("Alt+F");
        assertThat(Mnemonics.withoutMarker("Re_fresh")).isEqualTo("Refresh");
        assertThat(Mnemonics.keysOf("Ne_w rollout…")).contains("Alt+W");
        assertThat(Mnemonics.withoutMarker("Accept warnin_g…")).isEqualTo("Accept warning…");
    }

    @Test
    void aDoubledUnderscoreIsALiteralOneAndNoText() {
        assertThat(Mnemonics.keysOf("snake__case")).isEmpty();
        assertThat(Mnemonics.withoutMarker("snake__case")).isEqualTo("snake_case");
        assertThat(Mnemonics.keysOf("my___file")).contains("Alt+F");
        assertThat(Mnemonics.withoutMarker("my___file")).isEqualTo("my_file");
        assertThat(Mnemonics.keysOf("Refresh")).isEmpty();
        assertThat(Mnemonics.keysOf(null)).isEmpty();
        assertThat(Mnemonics.keysOf("trailing_")).isEmpty();
    }
}
