package com.rolloutcontrolroom.domain.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    @Test
    void sortsKeysByCodePointAndEscapesOnlyWhatJsonRequires() {
        Map<String, Object> doc = new HashMap<>();
        doc.put("b", "line\nbreak \"quoted\" \\ é 😀");
        doc.put("a", null);
        doc.put("Z", List.of(true, "1.50"));
        doc.put("é", Map.of("y", "2", "x", "1"));

        String text = new String(CanonicalForm.encode(doc), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("{\"Z\":[true,\"1.50\"],\"a\":null,\"b\":\"line\\u000abreak \\\"quoted\\\" \\\\ é 😀\","
                + "\"é\":{\"x\":\"1\",\"y\":\"2\"}}");
    }

    @Test
    void refusesNumbersAndBrokenUnicode() {
        assertThatThrownBy(() -> CanonicalForm.encode(Map.of("n", 1.5))).hasMessageContaining("convert it to a string");
        assertThatThrownBy(() -> CanonicalForm.encode(Map.of("s", "\uD83D"))).hasMessageContaining("broken Unicode");
    }

    @Test
    void sameBytesInAnyTimeZoneAndLocale() {
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            byte[] reference = EntryFields.canonicalBytes(7, JournalSamples.snapshot(JournalSamples.T0));
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
            Locale.setDefault(Locale.forLanguageTag("ar-SA-u-nu-arab"));
            byte[] elsewhere = EntryFields.canonicalBytes(7, JournalSamples.snapshot(JournalSamples.T0));
            assertThat(elsewhere).isEqualTo(reference);
            assertThat(new String(elsewhere, StandardCharsets.UTF_8))
                    .contains("\"recordedAt\":\"2025-11-13T15:00:00.000Z\"", "\"successRate\":\"97.57\"", "\"id\":\"7\"");
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void everyKindSurvivesTheRoundTripThroughItsFields() {
        Instant at = Instant.parse("2026-01-02T03:04:05.678912Z");
        for (JournalEntry entry : java.util.stream.Stream.concat(JournalSamples.everyKind(at).stream(),
                JournalSamples.journalKinds(at).stream()).toList()) {
            JournalEntry back = EntryFields.entry(EntryFields.fields(entry));
            assertThat(back).as(entry.kind().name()).isEqualTo(entry);
            assertThat(EntryFields.canonicalBytes(3, back)).isEqualTo(EntryFields.canonicalBytes(3, entry));
        }
    }

    @Test
    void recordsAboutTheJournalItselfHaveNoRolloutNorEnvironment() {
        for (JournalEntry entry : JournalSamples.journalKinds(JournalSamples.T0)) {
            String text = new String(EntryFields.canonicalBytes(4, entry), StandardCharsets.UTF_8);
            assertThat(text).as(entry.kind().name()).contains("\"environment\":null", "\"rollout\":null");
        }
    }

    @Test
    void hashIsSha256OverPreviousHexAndCanonicalBytes() {
        // computed independently: printf '%064d{}' 0 | sha256sum
        assertThat(ChainHash.next(ChainHash.GENESIS, "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5508d2b710e64bc470079e1b211d9c58e21011e59d0559e422345dc19d659a75");
    }
}
