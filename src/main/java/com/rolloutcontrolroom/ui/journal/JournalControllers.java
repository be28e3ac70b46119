package com.rolloutcontrolroom.ui.journal;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The journal screen's controllers for the {@code ViewFactory} registry: the screen and the three
 * forms it includes, each built around the ViewModel the screen owns. The composition root and the
 * UI tests register the same set.
 */
public final class JournalControllers {

    private JournalControllers() {
    }

    public static Map<Class<?>, Supplier<?>> of(JournalViewModel viewModel) {
        return Map.of(
                JournalView.class, () -> new JournalView(viewModel),
                RollbackFormView.class, () -> new RollbackFormView(viewModel.rollbackForm()),
                IssueFormView.class, () -> new IssueFormView(viewModel.issueForm()),
                TestOutcomeFormView.class, () -> new TestOutcomeFormView(viewModel.testOutcomeForm()));
    }
}
