package com.rolloutcontrolroom.domain.signoff;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The sign-off roles of the verification report (seed 000's "Sign-Off" section), in its order. The
 * role's label is what the journal stores, so labels are part of the file format.
 */
public enum SignOffRole {
    ENGINEERING("Engineering", Stage.IMPLEMENTATION, "Pre-implementation tests passed"),
    DESIGN_PM("Design/PM", Stage.IMPLEMENTATION, "Documentation reviewed"),
    QA("QA", Stage.IMPLEMENTATION, "Coordinator tests verified"),
    IMPLEMENTATION_LEAD("Implementation Lead", Stage.ROLLOUT, "Post-production success"),
    ENGINEERING_MANAGER("Engineering Manager", Stage.ROLLOUT, "Post-production success"),
    OPERATIONS_LEAD("Operations Lead", Stage.ROLLOUT, "Post-production success");

    /** Which of the report's two sign-off lists a role belongs to. */
    public enum Stage { IMPLEMENTATION, ROLLOUT }

    private final String label;
    private final Stage stage;
    private final String attests;

    SignOffRole(String label, Stage stage, String attests) {
        this.label = label;
        this.stage = stage;
        this.attests = attests;
    }

    public String label() {
        return label;
    }

    public Stage stage() {
        return stage;
    }

    /** What signing this role says, in the seed's words. */
    public String attests() {
        return attests;
    }

    /**
     * Roles one person may not hold together: whoever wrote the code does not also verify it (QA), and the
     * three rollout approvers are three people, none of them the engineer who built it.
     */
    public Set<SignOffRole> mustBeSeparateFrom() {
        return switch (this) {
            case ENGINEERING -> EnumSet.of(QA, IMPLEMENTATION_LEAD, ENGINEERING_MANAGER, OPERATIONS_LEAD);
            case QA -> EnumSet.of(ENGINEERING);
            case DESIGN_PM -> EnumSet.noneOf(SignOffRole.class);
            case IMPLEMENTATION_LEAD -> EnumSet.of(ENGINEERING, ENGINEERING_MANAGER, OPERATIONS_LEAD);
            case ENGINEERING_MANAGER -> EnumSet.of(ENGINEERING, IMPLEMENTATION_LEAD, OPERATIONS_LEAD);
            case OPERATIONS_LEAD -> EnumSet.of(ENGINEERING, IMPLEMENTATION_LEAD, ENGINEERING_MANAGER);
        };
    }

    /** Reads a label or a constant name, ignoring case, spaces, '-', '_' and '/'. */
    public static Optional<SignOffRole> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = squash(text);
        return Arrays.stream(values())
                .filter(role -> squash(role.label).equals(wanted) || squash(role.name()).equals(wanted))
                .findFirst();
    }

    private static String squash(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s_/\\-]", "");
    }
}
