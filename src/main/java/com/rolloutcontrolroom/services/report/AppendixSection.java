package com.rolloutcontrolroom.services.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.rollout.DeploymentSteps;
import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;

/**
 * The appendix: the exact SQL the snapshots ran (each distinct text once, with the snapshots that ran it)
 * and this rollout's emergency rollback commands from its plan; secrets taken out of both.
 */
final class AppendixSection {

    /** The seed's order: production's rollback first, the one that matters most at 3 a.m. */
    private static final List<EnvironmentRole> ROLLBACK_ORDER = List.of(EnvironmentRole.PRODUCTION, EnvironmentRole.STAGING);

    private AppendixSection() {
    }

    static void write(ReportContext report, Markdown md) {
        md.heading(2, "Appendix");
        md.heading(3, "SQL Query Cheat Sheet");
        Map<String, List<Long>> ranBy = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Recorded<SnapshotTaken> snapshot : report.state().snapshots()) {
            for (QueryResult query : snapshot.entry().queries()) {
                String key = query.name() + "\n" + query.sql();
                names.putIfAbsent(key, query.name());
                List<Long> ids = ranBy.computeIfAbsent(key, k -> new ArrayList<>());
                if (ids.isEmpty() || ids.get(ids.size() - 1) != snapshot.id()) {
                    ids.add(snapshot.id());
                }
            }
        }
        if (ranBy.isEmpty()) {
            md.paragraph(ReportText.NOT_RECORDED + ": no snapshot was recorded, so no query ran.");
        } else {
            md.paragraph("The exact SQL of every query the snapshots ran, each distinct text once; the parameters each run"
                    + " bound are recorded with its snapshot.");
        }
        for (Map.Entry<String, List<Long>> query : ranBy.entrySet()) {
            List<Long> ids = query.getValue();
            md.paragraph(Markdown.code(names.get(query.getKey())) + ": ran in " + ids.size() + (ids.size() == 1 ? " snapshot" : " snapshots")
                    + " (" + (ids.size() == 1 ? "record " + ReportText.record(ids.get(0))
                    : "records " + ReportText.record(ids.get(0)) + " to " + ReportText.record(ids.get(ids.size() - 1))) + ")");
            String sql = query.getKey().substring(query.getKey().indexOf('\n') + 1);
            md.code("sql", ReportText.withoutSecrets(sql).lines().toList());
        }
        md.heading(3, "Emergency Rollback Command");
        md.code("bash", rollbackLines(report.state().plan()));
        md.rule();
    }

    /** Per environment, the steps that set the flags of the last phase a rollback may return to there. */
    static List<String> rollbackLines(RolloutPlan plan) {
        List<String> lines = new ArrayList<>();
        for (EnvironmentRole role : ROLLBACK_ORDER) {
            if (plan.environment(role).isEmpty()) {
                continue;
            }
            String environment = role.label().substring(0, 1).toUpperCase(Locale.ROOT) + role.label().substring(1);
            if (!lines.isEmpty()) {
                lines.add("");
            }
            Optional<PhasePlan> target = plan.phases().stream()
                    .filter(phase -> phase.environment() == role && phase.rollbackTarget()).reduce((a, b) -> b);
            if (target.isEmpty()) {
                lines.add("# " + environment + ": the plan names no phase in " + role.label() + " a rollback may return to");
                continue;
            }
            lines.add("# " + environment + " emergency rollback: back to " + target.get().name());
            DeploymentSteps.of(plan, target.get()).stream().map(ReportText::withoutSecrets).forEach(lines::add);
        }
        if (lines.isEmpty()) {
            lines.add("# the plan deploys to no environment: there is nothing to roll back");
        }
        return lines;
    }
}
