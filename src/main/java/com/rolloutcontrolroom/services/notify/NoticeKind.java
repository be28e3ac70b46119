package com.rolloutcontrolroom.services.notify;

/** What a notice is about, so a sink can choose how loudly to show it. */
public enum NoticeKind {
    CHECKPOINT_DUE,
    CHECKPOINT_TAKEN,
    CHECKPOINT_LATE,
    CHECKPOINT_MISSED,
    CHECKPOINT_ERROR,
    VERDICT_CHANGED
}
