package com.rolloutcontrolroom.services.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A journaled result reads back as the table it was: columns in order, exact text, numbers marked. */
class RecordedRowsTest {

    @Test
    void readsTheRunnersShapeWithExactDecimalsAndNulls() {
        RecordedRows rows = RecordedRows.read("{\"name\":\"q\",\"status\":\"OK\",\"durationMillis\":28,"
                + "\"columns\":[\"event_type\",\"total\",\"success_pct\"],"
                + "\"rows\":[[\"coordinator.start\",40,\"97.50\"],[\"coordinator.retry\",2,null]]}");
        assertThat(rows.status()).isEqualTo("OK");
        assertThat(rows.durationMillis()).isEqualTo(28);
        assertThat(rows.columns()).containsExactly("event_type", "total", "success_pct");
        assertThat(rows.rows()).containsExactly(List.of("coordinator.start", "40", "97.50"), List.of("coordinator.retry", "2", ""));
        assertThat(rows.numeric()).containsExactly(false, true, true);
    }

    @Test
    void aFailedQueryKeepsItsSentenceAndHasNoRows() {
        RecordedRows rows = RecordedRows.read("{\"status\":\"ERROR\",\"error\":\"The query ran past its 30 s statement timeout.\","
                + "\"columns\":[],\"rows\":[]}");
        assertThat(rows.error()).isEqualTo("The query ran past its 30 s statement timeout.");
        assertThat(rows.rows()).isEmpty();
    }

    @Test
    void readsAnArrayOfObjectsWithOneColumnPerKeyAndKeepsDecimalsAsWritten() {
        RecordedRows rows = RecordedRows.read("[{\"event_type\":\"coordinator.confirmed\",\"count\":412,\"success_pct\":97.50},"
                + "{\"event_type\":\"coordinator.retry\",\"extra\":{\"a\":1}}]");
        assertThat(rows.columns()).containsExactly("event_type", "count", "success_pct", "extra");
        assertThat(rows.rows()).containsExactly(List.of("coordinator.confirmed", "412", "97.50", ""),
                List.of("coordinator.retry", "", "", "{\"a\":1}"));
        assertThat(rows.numeric()).containsExactly(false, true, true, false);
    }

    @Test
    void textThatIsNotJsonIsRefusedInOneSentence() {
        assertThatThrownBy(() -> RecordedRows.read("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The recorded rows are not valid JSON");
        assertThatThrownBy(() -> RecordedRows.read("{\"a\":1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The recorded rows are neither a result with columns and rows nor an array of rows.");
    }
}
