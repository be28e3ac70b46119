package com.rolloutcontrolroom.services.report;

import java.util.List;

import com.rolloutcontrolroom.domain.rollout.PhaseState;

/** The whole report's markdown, section by section in seed 000's order. */
final class ReportMarkdown {

    private ReportMarkdown() {
    }

    static String of(ReportContext report) {
        Markdown md = new Markdown();
        PhaseGroups groups = PhaseGroups.of(report.state().phases());
        StatusSection.write(report, md);
        PreRolloutSection.write(report, groups.before(), md);
        for (PhaseGroups.Group group : groups.environments()) {
            md.heading(2, group.title());
            List<PhaseState> phases = group.phases();
            for (int i = 0; i < phases.size(); i++) {
                PhaseSection.write(report, phases.get(i), i + 1, md);
            }
        }
        OutcomeSections.testOutcomes(report, md);
        OutcomeSections.rollbackLog(report, md);
        OutcomeSections.issues(report, md);
        SummarySections.successCriteria(report, groups, md);
        SummarySections.postRollout(report, groups.after(), md);
        AppendixSection.write(report, md);
        SummarySections.knownIssues(report, md);
        SignOffSection.write(report, md);
        return md.text();
    }
}
