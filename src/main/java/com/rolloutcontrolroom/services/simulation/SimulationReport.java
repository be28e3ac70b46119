package com.rolloutcontrolroom.services.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a simulated rollout did, in order: each line a simulated instant, what happened and, for a
 * checkpoint or a gate, its verdict.
 */
public record SimulationReport(SimulationScenario scenario, Instant start, List<Line> timeline, Outcome outcome,
                               Optional<String> rollbackAt, long eventsWritten) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    static final String GATE = "Gate: ";

    public SimulationReport {
        timeline = List.copyOf(timeline);
    }

    public enum Outcome {
        REACHED_LEGACY_CLEANUP,
        ROLLED_BACK,
        /** The simulation gave up: the rollout neither moved on nor failed within the simulated time allowed. */
        STALLED
    }

    /**
     * @param phase     the phase it happened in
     * @param checkpoint the checkpoint label ("T+6h") for a checkpoint taken, else null
     * @param verdict   a checkpoint's or gate's verdict, else null
     */
    public record Line(Instant at, String phase, String checkpoint, String what, String verdict) {
    }

    /** The verdicts of the checkpoints taken in {@code phase}, in the order taken. */
    public List<String> checkpointVerdicts(String phase) {
        return checkpoints(phase).stream().map(Line::verdict).toList();
    }

    public List<String> checkpointLabels(String phase) {
        return checkpoints(phase).stream().map(Line::checkpoint).toList();
    }

    private List<Line> checkpoints(String phase) {
        return timeline.stream().filter(l -> l.checkpoint() != null && l.phase().equalsIgnoreCase(phase)).toList();
    }

    /** The verdict of {@code phase}'s gate when the release manager last looked before leaving it; empty if never judged. */
    public Optional<String> gateVerdict(String phase) {
        return timeline.stream().filter(l -> l.what().startsWith(GATE) && l.phase().equalsIgnoreCase(phase))
                .map(Line::verdict).reduce((a, b) -> b);
    }

    /** The report as the {@code simulate} command prints it. */
    public String text() {
        StringBuilder text = new StringBuilder("Simulated rollout (" + scenario.name().toLowerCase(Locale.ROOT) + "), from "
                + TIME.format(start) + " UTC on a fake clock\n");
        for (Line line : timeline) {
            Duration since = Duration.between(start, line.at());
            text.append(String.format(Locale.ROOT, "%-16s %-9s %-18s %-8s %s\n", TIME.format(line.at()),
                    "+" + since.toHours() + "h" + (since.toMinutesPart() == 0 ? "" : since.toMinutesPart() + "m"),
                    line.phase(), line.verdict() == null ? "" : line.verdict(), line.what()));
        }
        text.append(switch (outcome) {
            case REACHED_LEGACY_CLEANUP -> "Outcome: reached Legacy cleanup.";
            case ROLLED_BACK -> "Outcome: rolled back at the " + rollbackAt.orElse("gate") + " checkpoint of Production full.";
            case STALLED -> "Outcome: stalled; the rollout neither moved on nor failed.";
        });
        text.append(" ").append(eventsWritten).append(" events written.\n");
        return text.toString();
    }
}
