package com.rolloutcontrolroom.ui.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.domain.journal.Correction;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.ui.common.CurrentRolloutModel;

/**
 * What the rollback and issue forms share: validation state, Save/Cancel, and correction mode, in
 * which saving appends a {@link Correction} of an earlier record instead of a new one. Nothing typed
 * is cleared until the record is durably in the journal. A new record belongs to the current rollout
 * (refused while there is none); a correction keeps the rollout of the record it corrects.
 */
abstract class JournalFormViewModel {

    /** The rollout's environments come first; configured profiles are added as they become known. */
    static final List<String> ENVIRONMENTS = List.of("staging", "production", EnvironmentProfile.DEMO_NAME);
    /** Builds a record only to ask its constructor whether it accepts the form's content. */
    private static final Operator PROBE = new Operator("probe", "probe");
    /** Workstation clocks drift; a time a minute ahead is a typo only past this much. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    protected final Clock clock;
    private final ObservableList<String> environments = FXCollections.observableArrayList(ENVIRONMENTS);
    private final EntrySaver saver;
    private final ObservableValue<String> currentRollout;
    private final Runnable onClose;
    private final List<FormField> watched = new ArrayList<>();
    private final FormField correctionReason = new FormField("reason for the correction",
            text -> isCorrecting() && text.isBlank() ? "Correction reason is empty; say why the record is corrected." : null);

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper correcting = new ReadOnlyBooleanWrapper();
    private final PresentationMode presentation;
    private long correctsId;
    private JournalEntry original;
    private String saveFailure = "";

    JournalFormViewModel(Clock clock, EntrySaver saver, Runnable onClose, ObservableValue<String> currentRollout,
                         PresentationMode presentation) {
        this.clock = clock;
        this.presentation = presentation;
        this.currentRollout = currentRollout;
        this.saver = saver;
        this.onClose = onClose;
    }

    /** Called once by each form after its fields exist. */
    protected final void watch(FormField... fields) {
        watched.addAll(List.of(fields));
        watched.add(correctionReason);
        for (FormField field : watched) {
            field.textProperty().addListener((obs, old, now) -> {
                saveFailure = "";
                revalidate();
            });
        }
        currentRollout.addListener((obs, old, now) -> revalidate());
        revalidate();
    }

    /**
     * Reads every field now (on the FX thread) and returns the record-to-be; only who and when are
     * added later, in the background append, so typing during a save cannot change what is saved.
     */
    protected abstract EntryDraft content();

    protected abstract void fill(JournalEntry entry);

    protected abstract void clear();

    protected abstract String newTitle();

    protected abstract String correctionTitle(long id);

    public void startNew() {
        correctsId = 0;
        original = null;
        correcting.set(false);
        title.set(newTitle());
        clear();
        correctionReason.reset("");
        revalidate();
    }

    /** Pre-fills the form with {@code current}, the content that record {@code id} shows now. */
    public void startCorrection(long id, JournalEntry current) {
        correctsId = id;
        original = current;
        correcting.set(true);
        title.set(correctionTitle(id));
        fill(current);
        correctionReason.reset("");
        revalidate();
    }

    public void save() {
        if (!valid.get() || saving.get()) {
            return;
        }
        saving.set(true);
        saver.save(draft(), () -> {
            saving.set(false);
            onClose.run();
        }, failure -> {
            saving.set(false);
            saveFailure = failure;
            revalidate();
        });
    }

    public void cancel() {
        onClose.run();
    }

    private EntryDraft draft() {
        EntryDraft content = content();
        if (!isCorrecting()) {
            return content;
        }
        long corrected = correctsId;
        String why = correctionReason.text();
        return (operator, recordedAt) -> new Correction(recordedAt, operator, corrected, why, content.build(operator, recordedAt));
    }

    private void revalidate() {
        watched.forEach(FormField::refresh);
        List<FormField> invalid = watched.stream().filter(f -> f.problem() != null).toList();
        String crossProblem = rollout() == null ? CurrentRolloutModel.NONE_CURRENT
                : invalid.isEmpty() ? constructorProblem().orElse(null) : null;
        boolean unchanged = invalid.isEmpty() && crossProblem == null && isCorrecting() && isUnchanged();
        valid.set(invalid.isEmpty() && crossProblem == null && !unchanged);
        problem.set(crossProblem != null ? crossProblem : saveFailure);
        List<FormField> unexplained = invalid.stream().filter(f -> !f.isTouched()).toList();
        if (!unexplained.isEmpty()) {
            hint.set("To save, fill in the " + unexplained.stream().map(FormField::label)
                    .collect(Collectors.joining(", ")) + ".");
        } else {
            hint.set(unchanged ? "Nothing differs from record #" + correctsId + " yet; change a field to correct it." : "");
        }
    }

    /** Cross-field rules live in the records' constructors; their sentences are shown as they are. */
    private Optional<String> constructorProblem() {
        try {
            draft().build(PROBE, clock.instant());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private boolean isUnchanged() {
        try {
            return content().build(original.operator(), original.recordedAt()).equals(original);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The rollout the record belongs to: the corrected record's own, else the current one; null when there is none. */
    protected final String rollout() {
        return original != null ? original.rollout() : currentRollout.getValue();
    }

    protected static String requiredText(String label, String text) {
        return text.isBlank() ? label + " is empty; fill it in." : null;
    }

    protected String chosenEnvironment(String label, String text) {
        return text.isBlank() ? label + " is not chosen; pick " + String.join(", ", environments) + "." : null;
    }

    /** Adds configured environment names to the choices; never removes one, so a chosen value stays valid. */
    void offerEnvironments(List<String> names) {
        Set<String> missing = new LinkedHashSet<>(names);
        missing.removeAll(environments);
        environments.addAll(missing);
    }

    /** Empty is fine for an optional time; a typo or a time in the future never is. */
    protected String pastTime(String label, String text, boolean required) {
        if (text.isBlank()) {
            return required ? label + " is missing; enter a date and time." : null;
        }
        Optional<Instant> parsed = UtcTimeText.parse(text);
        if (parsed.isEmpty()) {
            return label + " '" + text.strip() + "' is not a date and time; type it as " + UtcTimeText.EXAMPLE + " (UTC).";
        }
        if (parsed.get().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            return label + " is in the future; enter when it happened, in UTC.";
        }
        return null;
    }

    protected static Instant time(FormField field) {
        return UtcTimeText.parse(field.text()).orElse(null);
    }

    protected final String now() {
        return UtcTimeText.format(clock.instant());
    }

    public ObservableList<String> environments() {
        return environments;
    }

    public boolean isCorrecting() {
        return correcting.get();
    }

    FormField correctionReason() {
        return correctionReason;
    }

    public ReadOnlyBooleanProperty correctingProperty() {
        return correcting.getReadOnlyProperty();
    }

    /** The window's presentation mode: a correction pre-fills recorded text, which the fields then show redacted. */
    public PresentationMode presentation() {
        return presentation;
    }

    public StringBinding titleProperty() {
        return presentation.shown(title.getReadOnlyProperty());
    }

    /** A cross-field rule or a failed save, in one sentence; empty when there is none. */
    public StringBinding problemProperty() {
        return presentation.shown(problem.getReadOnlyProperty());
    }

    public StringBinding hintProperty() {
        return presentation.shown(hint.getReadOnlyProperty());
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }
}
