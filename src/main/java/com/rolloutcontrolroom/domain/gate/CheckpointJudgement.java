package com.rolloutcontrolroom.domain.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judgement of one checkpoint: the overall verdict with every reason, most serious first, and the
 * findings it was made of. The Dashboard's strip, {@code run} and the snapshot all show this one.
 */
public record CheckpointJudgement(Judgement overall, List<Finding> findings) {

    public CheckpointJudgement {
        findings = List.copyOf(findings);
    }

    static CheckpointJudgement of(List<Finding> findings) {
        return new CheckpointJudgement(Judgement.combine(findings.stream().map(Finding::judgement).toList()), findings);
    }

    public Verdict verdict() {
        return overall.verdict();
    }

    public List<String> reasons() {
        return overall.reasons();
    }

    /** The findings most serious first, in the order of {@link #reasons()} (each with its own verdict). */
    public List<Finding> bySeverity() {
        return findings.stream().sorted((a, b) -> b.judgement().verdict().compareTo(a.judgement().verdict())).toList();
    }

    /** One finding per subject, in the order judged, each the combination of that subject's parts. */
    public List<Finding> bySubject() {
        Map<String, List<Judgement>> parts = new LinkedHashMap<>();
        findings.forEach(f -> parts.computeIfAbsent(f.subject(), s -> new ArrayList<>()).add(f.judgement()));
        List<Finding> subjects = new ArrayList<>();
        parts.forEach((subject, judgements) -> subjects.add(new Finding(subject, Judgement.combine(judgements))));
        return subjects;
    }
}
