package com.rolloutcontrolroom.domain.gate;

import java.util.ArrayList;
import java.util.List;

/** A verdict and the sentences that explain it, each one a person can check against the numbers. */
public record Judgement(Verdict verdict, List<String> reasons) {

    public Judgement {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("A verdict always says why; give at least one reason.");
        }
    }

    static Judgement of(Verdict verdict, String reason) {
        return new Judgement(verdict, List.of(reason));
    }

    /** The worst verdict of the parts, with every part's reason, most serious first. */
    public static Judgement combine(List<Judgement> parts) {
        Verdict worst = Verdict.PASS;
        for (Judgement part : parts) {
            worst = worst.worse(part.verdict());
        }
        List<String> reasons = new ArrayList<>();
        parts.stream()
                .sorted((a, b) -> b.verdict().compareTo(a.verdict()))
                .forEach(part -> reasons.addAll(part.reasons()));
        return new Judgement(worst, reasons);
    }
}
