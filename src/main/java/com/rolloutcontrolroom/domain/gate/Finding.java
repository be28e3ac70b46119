package com.rolloutcontrolroom.domain.gate;

/** One part of a checkpoint's judgement: what was judged ("success rate", "coordinator alarms") and the judgement. */
public record Finding(String subject, Judgement judgement) {
}
