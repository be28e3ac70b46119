package com.rolloutcontrolroom.services.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every rendered report must hold, whatever its journal: seed 000's headings in order, no placeholder cells. */
final class ReportAssertions {

    /** Seed 000's level-2 headings, in its order. */
    static final List<String> SEED_SECTIONS = List.of("Rollout Status", "Pre-Rollout Verification", "Staging Rollout",
            "Production Rollout", "Test Outcomes (Pre-Implementation)", "Rollback Log", "Issues & Resolutions",
            "Success Criteria Summary", "Post-Rollout Actions", "Appendix", "Known Issues", "Sign-Off");

    /** Seed 000's headings of every level that the report must repeat, in order. */
    static final List<String> SEED_HEADINGS = List.of("# Verification Report: ", "## Rollout Status", "### Rollout Timeline",
            "## Pre-Rollout Verification", "### Infrastructure Checks", "### Baseline Metrics (Pre-Rollout)",
            "### Documentation Deliverables", "## Staging Rollout", "### Phase 1: ", "#### Pre-Phase Checklist",
            "#### Deployment Steps", "#### Verification Criteria", "#### Evidence to Capture", "### Phase 2: ",
            "#### Monitoring Schedule", "## Production Rollout", "## Test Outcomes (Pre-Implementation)", "## Rollback Log",
            "## Issues & Resolutions", "## Success Criteria Summary", "### Staging Success Criteria",
            "### Production Success Criteria", "## Post-Rollout Actions", "### Immediate (After Production Success)",
            "### Follow-Up (Within 1 Week)", "## Appendix", "### SQL Query Cheat Sheet", "### Emergency Rollback Command",
            "## Known Issues", "## Sign-Off", "### Implementation Sign-Off", "### Rollout Sign-Off (Post-Production Success)");

    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\|(.*)\\|$");

    private ReportAssertions() {
    }

    static void hasSeedStructure(String markdown) {
        List<String> lines = markdown.lines().toList();
        int at = 0;
        for (String heading : SEED_HEADINGS) {
            int found = -1;
            for (int i = at; i < lines.size(); i++) {
                if (lines.get(i).startsWith(heading)) {
                    found = i;
                    break;
                }
            }
            assertThat(found).as("heading '%s' after line %d", heading, at).isGreaterThanOrEqualTo(0);
            at = found + 1;
        }
        List<String> sections = lines.stream().filter(l -> l.startsWith("## ")).map(l -> l.substring(3)).toList();
        assertThat(sections).containsExactlyElementsOf(SEED_SECTIONS);
        assertThat(markdown).startsWith("---\ntask: ");
    }

    /** Every table cell holds something, and never a lone dash (the seed's placeholder, which reads as data). */
    static void hasNoPlaceholderCells(String markdown) {
        List<String> cells = new ArrayList<>();
        Matcher rows = TABLE_ROW.matcher(markdown);
        while (rows.find()) {
            String row = rows.group(1);
            if (row.matches("[\\s|-]+")) {
                continue; // the header's rule
            }
            for (String cell : row.split("(?<!\\\\)\\|")) {
                cells.add(cell.strip());
            }
        }
        assertThat(cells).isNotEmpty().allSatisfy(cell -> assertThat(cell).isNotBlank().isNotIn("-", "—", "–", "_", "N/A", "TBD"));
    }
}
