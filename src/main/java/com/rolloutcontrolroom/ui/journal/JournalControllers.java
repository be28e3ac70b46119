package com.rolloutcontrolroom.ui.journal;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The journal screen's controllers for the {@code ViewFactory} registry: the screen, the three
 * forms and the evidence actions it includes, each built around the ViewModel the screen owns. The composition root and the
 * UI tests register the same set.
 */
public final class JournalControllers {

    private JournalControllers() {
    }

    public static Map<Class<?>, Supplier<?>> of(JournalViewModel viewModel, EvidenceViewModel evidence) {
        return of(() -> viewModel, () -> evidence);
    }

    /** With the ViewModels built when the screen is first loaded (the app's are; each supplier must give the same one). */
    public static Map<Class<?>, Supplier<?>> of(Supplier<JournalViewModel> viewModel, Supplier<EvidenceViewModel> evidence) {
        return Map.of(
                JournalView.class, () -> new JournalView(viewModel.get()),
                RollbackFormView.class, () -> new RollbackFormView(viewModel.get().rollbackForm()),
                IssueFormView.class, () -> new IssueFormView(viewModel.get().issueForm()),
                TestOutcomeFormView.class, () -> new TestOutcomeFormView(viewModel.get().testOutcomeForm()),
                EvidenceView.class, () -> new EvidenceView(evidence.get()));
    }
}
