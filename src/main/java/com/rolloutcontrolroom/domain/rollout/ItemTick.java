package com.rolloutcontrolroom.domain.rollout;

import java.time.Instant;

import com.rolloutcontrolroom.domain.operator.Operator;

/** The latest tick or untick of one item: who, when, and the record that says so. */
public record ItemTick(String item, boolean ticked, Operator by, Instant at, long recordId) {
}
