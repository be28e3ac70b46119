package com.rolloutcontrolroom.domain.rollout;

/**
 * A plan that cannot be used, with the path of the offending value ({@code phases[2].schedule[0].offset})
 * and what to fix. The message is one sentence; a reader of a file puts the file name in front.
 */
public final class PlanFormatException extends IllegalArgumentException {

    private final String path;
    private final String reason;

    public PlanFormatException(String path, String reason) {
        super(path + " " + reason + ".");
        this.path = path;
        this.reason = reason;
    }

    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }

    /** The same problem one level further out: {@code phases[2]} + {@code .name}. */
    public PlanFormatException under(String parent) {
        PlanFormatException outer = new PlanFormatException(parent + (path.startsWith("[") ? "" : ".") + path, reason);
        outer.initCause(this);
        return outer;
    }
}
