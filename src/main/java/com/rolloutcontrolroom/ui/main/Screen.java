package com.rolloutcontrolroom.ui.main;

/** The places of the main window's navigation, in the order a release manager works through them. */
public enum Screen {
    DASHBOARD("Dashboard", "mdi2v-view-dashboard-outline",
            "Coordinator health of the environment at a glance."),
    ROLLOUT("Rollout", "mdi2r-rocket-launch-outline",
            "The rollout's phases with their checklists, deployment markers, monitoring schedule and gate "
                    + "verdicts will be here: what is done, what is due next, and whether the gate allows promotion."),
    QUERIES("Queries", "mdi2d-database-search-outline",
            "The observability query set will be here: the quick health check and the full suite, "
                    + "their SQL, run on demand against an environment and recorded as snapshots."),
    JOURNAL("Journal", "mdi2n-notebook-outline",
            "The append-only journal will be here: snapshots, phase transitions, rollbacks, issues and "
                    + "sign-offs, with the state of its tamper-evident hash chain."),
    SETTINGS("Settings", "mdi2c-cog-outline",
            "Environment profiles will be set up here: staging and production connections whose "
                    + "passwords live in the OS keychain, never in a file, and the operator's display name.");

    private final String title;
    private final String iconLiteral;
    private final String purpose;

    Screen(String title, String iconLiteral, String purpose) {
        this.title = title;
        this.iconLiteral = iconLiteral;
        this.purpose = purpose;
    }

    public String title() {
        return title;
    }

    public String iconLiteral() {
        return iconLiteral;
    }

    /** What the screen is for; a screen not built yet says this instead of showing nothing. */
    public String purpose() {
        return purpose;
    }
}
