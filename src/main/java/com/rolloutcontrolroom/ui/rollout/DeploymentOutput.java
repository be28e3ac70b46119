package com.rolloutcontrolroom.ui.rollout;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import com.rolloutcontrolroom.services.deploy.DeployListener;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * The deployment dialog's live output: each command as it starts, its lines (secrets already removed by the
 * runner) and how it ended. Lines arrive on the runner's threads and reach the text on the UI thread only.
 */
final class DeploymentOutput {

    private final TaskExecutor executor;
    private final StringBuilder lines = new StringBuilder();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    DeploymentOutput(TaskExecutor executor) {
        this.executor = executor;
    }

    DeployListener listener() {
        return new DeployListener() {
            @Override
            public void commandStarted(String shown) {
                executor.runOnUiThread(() -> append("$ " + shown));
            }

            @Override
            public void line(String line) {
                executor.runOnUiThread(() -> append("  " + line));
            }

            @Override
            public void commandFinished(String shown, String outcome) {
                executor.runOnUiThread(() -> append("  -> " + outcome));
            }
        };
    }

    void clear() {
        lines.setLength(0);
        text.set("");
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    private void append(String line) {
        lines.append(lines.length() == 0 ? "" : "\n").append(line);
        text.set(lines.toString());
    }
}
