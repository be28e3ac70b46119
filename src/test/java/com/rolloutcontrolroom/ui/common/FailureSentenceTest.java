package com.rolloutcontrolroom.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class FailureSentenceTest {

    @Test
    void aServicesOwnSentenceWinsOverTheRawCauseBelowIt() {
        SQLException raw = new SQLException("FATAL: password authentication failed for user reader", "28P01");
        SQLException phrased = new SQLException("PostgreSQL rejected the password for user reader; store the right one.", "28P01", raw);
        assertThat(FailureSentence.of(new RuntimeException(phrased))).isEqualTo("PostgreSQL rejected the password for user reader; store the right one.");
    }

    @Test
    void wrappersThatOnlyRepeatTheirCauseAreSkipped() {
        assertThat(FailureSentence.of(new IllegalStateException(new ConnectException("Connection refused")))).isEqualTo("Connection refused");
    }

    @Test
    void noMessageAnywhereStillGivesASentence() {
        assertThat(FailureSentence.of(new NullPointerException())).isEqualTo("The action failed (NullPointerException); see the log.");
    }
}
