package com.rolloutcontrolroom.ui.common;

/**
 * Every FXML file of the app, in one place; paths are under {@code src/main/resources/fxml/}. The window's frame
 * is laid out in code ({@code MainFrameLayout}): it is on the way to every first frame.
 */
public enum FxmlView {
    DASHBOARD("dashboard.fxml"),
    PLACEHOLDER("placeholder.fxml"),
    SETTINGS("settings.fxml"),
    OPERATOR("operator.fxml"),
    JOURNAL("journal.fxml"),
    ROLLBACK_FORM("rollback-form.fxml"),
    ISSUE_FORM("issue-form.fxml"),
    TEST_OUTCOME_FORM("test-outcome-form.fxml"),
    EVIDENCE("evidence.fxml"),
    QUERIES("queries.fxml"),
    QUERY_CATALOG("query-catalog.fxml"),
    ROLLOUT("rollout.fxml");

    private final String fileName;

    FxmlView(String fileName) {
        this.fileName = fileName;
    }

    public String resourcePath() {
        return "/fxml/" + fileName;
    }
}
