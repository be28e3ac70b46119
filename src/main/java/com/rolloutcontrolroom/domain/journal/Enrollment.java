package com.rolloutcontrolroom.domain.journal;

/** Where a journal's signing key was enrolled (its {@code SIGNING_KEY} record) and which key it is. */
public record Enrollment(long recordId, String publicKey, String fingerprint) {
}
