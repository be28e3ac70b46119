package com.rolloutcontrolroom.services.rollout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed 000's verification report, read the way a release manager reads it: the timeline table, the
 * preparation lists, each "### Phase N" of the staging and production sections, the post-rollout actions.
 * A copy of the seed lives in the test resources so this runs on a clone alone.
 */
final class SeedReport {

    static final String RESOURCE = "/seeds/seed-000-v3-rollout.md";

    /** A "### Phase N" section; {@code section} is its "## Staging Rollout" or "## Production Rollout". */
    record Phase(String section, String heading, String expectedDuration, List<String> checklist, List<String> deploymentSteps,
                 List<String> criteria, List<String> evidence, List<List<String>> schedule) {
    }

    record TimelineRow(String phase, String duration, String notes) {
    }

    final List<TimelineRow> timeline = new ArrayList<>();
    /** Lists under "### ..." headings that are not phases (Infrastructure Checks, Immediate ...), by heading. */
    final Map<String, List<String>> lists = new LinkedHashMap<>();
    final List<Phase> phases = new ArrayList<>();

    private static final Pattern BOLD_LABEL = Pattern.compile("- ✅ \\*\\*(.+?)\\*\\*:.*");
    private static final Pattern EXPECTED_DURATION = Pattern.compile("\\*\\*Expected Duration\\*\\*: (.+)");

    static SeedReport load() {
        try (InputStream in = SeedReport.class.getResourceAsStream(RESOURCE)) {
            return new SeedReport(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SeedReport(String markdown) {
        String section = "";
        String heading = "";
        String sub = "";
        boolean inCode = false;
        Map<String, Object> phase = null;
        for (String raw : markdown.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                if (phase != null && sub.equals("Deployment Steps") && !line.isEmpty()) {
                    list(phase, "steps").add(line);
                }
                continue;
            }
            if (line.startsWith("## ")) {
                phase = close(phase);
                section = line.substring(3);
                heading = "";
                sub = "";
            } else if (line.startsWith("### ")) {
                phase = close(phase);
                heading = line.substring(4);
                sub = "";
                if (heading.startsWith("Phase ")) {
                    phase = new LinkedHashMap<>();
                    phase.put("section", section);
                    phase.put("heading", heading);
                }
            } else if (line.startsWith("#### ")) {
                sub = line.substring(5);
            } else if (phase != null) {
                readPhaseLine(phase, sub, line);
            } else if (heading.equals("Rollout Timeline") && line.startsWith("|")) {
                List<String> cells = cells(line);
                if (!cells.get(0).equals("Phase") && !cells.get(0).startsWith("-")) {
                    timeline.add(new TimelineRow(cells.get(0).replace("**", ""), cells.get(4), cells.get(5)));
                }
            } else if (line.startsWith("- ")) {
                Matcher label = BOLD_LABEL.matcher(line);
                String item = label.matches() ? label.group(1) : line.startsWith("- [ ] ") ? line.substring(6) : null;
                if (item != null) {
                    lists.computeIfAbsent(heading, h -> new ArrayList<>()).add(item);
                }
            }
        }
        close(phase);
    }

    private static void readPhaseLine(Map<String, Object> phase, String sub, String line) {
        Matcher duration = EXPECTED_DURATION.matcher(line);
        if (duration.matches()) {
            phase.put("duration", duration.group(1));
        } else if (line.startsWith("- [ ] ")) {
            String key = switch (sub) {
                case "Pre-Phase Checklist" -> "checklist";
                case "Verification Criteria" -> "criteria";
                case "Evidence to Capture" -> "evidence";
                default -> throw new IllegalStateException("a checklist item under '" + sub + "', which the test does not know");
            };
            list(phase, key).add(line.substring(6));
        } else if (sub.startsWith("Monitoring Schedule") && line.startsWith("| T+")) {
            List<String> cells = cells(line);
            list(phase, "schedule").add(List.of(cells.get(0), cells.get(1)));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> close(Map<String, Object> phase) {
        if (phase != null) {
            phases.add(new Phase((String) phase.get("section"), (String) phase.get("heading"), (String) phase.get("duration"),
                    list(phase, "checklist"), list(phase, "steps"), list(phase, "criteria"), list(phase, "evidence"),
                    (List<List<String>>) (List<?>) list(phase, "schedule")));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> phase, String key) {
        return (List<T>) phase.computeIfAbsent(key, k -> new ArrayList<>());
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.substring(1, row.length() - 1).split("\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }
}
