package com.rolloutcontrolroom.domain.gate;

import java.math.BigDecimal;

/**
 * The bands of the runbook's "What to watch for": success at least 97 % is good, 90–97 % a warning,
 * below 90 % a red flag; manual review below 1 % is good, 1–5 % a warning (above 5 % is treated as a
 * red flag). Below {@code minimumEvents} a rate is not judged at all: 2 of 3 is no evidence either way.
 */
public record GateThresholds(BigDecimal successPass, BigDecimal successFail, BigDecimal reviewPass, BigDecimal reviewFail,
                             long minimumEvents) {

    public static final GateThresholds RUNBOOK = new GateThresholds(new BigDecimal("97"), new BigDecimal("90"),
            BigDecimal.ONE, new BigDecimal("5"), 20);
}
