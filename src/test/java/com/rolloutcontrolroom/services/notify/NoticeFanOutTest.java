package com.rolloutcontrolroom.services.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NoticeFanOutTest {

    private static final Notice LATE = new Notice(NoticeKind.CHECKPOINT_LATE, "FEATURE_X", Instant.parse("2025-03-01T06:10:00Z"),
            "Checkpoint T+6h was taken 10 minutes late.");

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger(NoticeFanOut.class.getName()).addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger(NoticeFanOut.class.getName()).removeHandler(capture);
    }

    @Test
    void everySinkGetsTheNoticeInOrder() {
        List<String> seen = new ArrayList<>();
        NoticeFanOut fanOut = new NoticeFanOut(List.of(notice -> seen.add("first " + notice.kind()),
                notice -> seen.add("second " + notice.kind())));

        fanOut.publish(LATE);

        assertThat(seen).containsExactly("first CHECKPOINT_LATE", "second CHECKPOINT_LATE");
    }

    @Test
    void aFailingSinkStopsNoOtherAndNothingReachesTheCaller() {
        List<Notice> seen = new ArrayList<>();
        NoticeSink broken = notice -> {
            throw new IllegalStateException("the status bar is gone");
        };
        NoticeFanOut fanOut = new NoticeFanOut(List.of(broken, seen::add, broken, seen::add));

        assertThatCode(() -> fanOut.publish(LATE)).doesNotThrowAnyException();

        assertThat(seen).containsExactly(LATE, LATE);
        assertThat(logged).hasSize(2);
        assertThat(logged.get(0).getThrown()).as("a sentence, not a trace").isNull();
        assertThat(logged.get(0).getMessage()).doesNotContain("\n");
        assertThat(formatted(logged.get(0))).isEqualTo("A notice destination failed on the CHECKPOINT_LATE notice for FEATURE_X:"
                + " IllegalStateException (the status bar is gone).");
    }

    @Test
    void aNoticeIsOneSentenceAboutOneRollout() {
        assertThat(LATE.text()).isEqualTo("FEATURE_X: Checkpoint T+6h was taken 10 minutes late.");
        assertThatCode(() -> new Notice(NoticeKind.VERDICT_CHANGED, "FEATURE_X", Instant.EPOCH, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new Notice(NoticeKind.VERDICT_CHANGED, "FEATURE_X", Instant.EPOCH, "Line one.\nLine two."))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String formatted(LogRecord record) {
        return new java.util.logging.SimpleFormatter().formatMessage(record);
    }
}
