package com.rolloutcontrolroom.ui.journal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * The journal screen: the current rollout's records (and the journal's own) newest first, filtered by
 * kind and text, the chain's state
 * re-verified after every read and append, and the rollback, issue and test outcome forms. Nothing is edited in
 * place; a correction is a new record. All journal I/O runs through the {@link TaskExecutor}.
 */
public final class JournalViewModel {

    /** Which form, if any, takes the place of the details pane. */
    public enum OpenForm { NONE, ROLLBACK, ISSUE, TEST_OUTCOME }

    private final JournalAccess journal;
    private final OperatorIdentity operators;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private final ObservableValue<String> currentRollout;
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper();

    private final ObservableList<JournalRow> allRows = FXCollections.observableArrayList();
    private final FilteredList<JournalRow> rows = new FilteredList<>(allRows);
    private final ObjectProperty<KindFilter> kindFilter = new SimpleObjectProperty<>(KindFilter.ALL);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<JournalRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final SnapshotRows snapshotRows;
    private final PresentationMode presentation;
    private final ReadOnlyStringWrapper chainStatus = new ReadOnlyStringWrapper("Opening the journal…");
    /** The verified head as {@code --expect} takes it, {@code ID:HASH} in full; empty when there is none to vouch for. */
    private final ReadOnlyStringWrapper head = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper chainIntact = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper shownCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper opened = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper readOnlyMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<OpenForm> openForm = new ReadOnlyObjectWrapper<>(OpenForm.NONE);
    private final BooleanBinding canAdd;
    private final BooleanBinding canCorrect;
    private final RollbackFormViewModel rollbackForm;
    private final IssueFormViewModel issueForm;
    private final TestOutcomeFormViewModel testOutcomeForm;
    private static final Logger LOG = LoggerFactory.getLogger(JournalViewModel.class);

    private final Supplier<List<String>> environmentNames;
    private Corrections corrections = Corrections.NONE;
    /** Only the newest load may fill the table; an older one finishing late is dropped. */
    private long loadGeneration;

    /**
     * @param environmentNames the configured environments, read off the FX thread, offered in the forms' environment choice
     * @param dialogs the clipboard the head is copied to
     * @param currentRollout the window's current rollout (null when there is none): what is shown, and what new records belong to
     */
    public JournalViewModel(JournalAccess journal, OperatorIdentity operators, Supplier<List<String>> environmentNames,
                            TaskExecutor executor, DialogService dialogs, Clock clock, ObservableValue<String> currentRollout,
                            PresentationMode presentation) {
        this.journal = journal;
        this.presentation = presentation;
        this.snapshotRows = new SnapshotRows(presentation);
        this.currentRollout = currentRollout;
        this.dialogs = dialogs;
        this.environmentNames = environmentNames;
        this.operators = operators;
        this.executor = executor;
        this.clock = clock;
        this.rollbackForm = new RollbackFormViewModel(clock, this::append, this::closeForm, currentRollout, presentation);
        this.issueForm = new IssueFormViewModel(clock, this::append, this::closeForm, currentRollout, presentation);
        this.testOutcomeForm = new TestOutcomeFormViewModel(clock, this::append, this::closeForm, currentRollout, presentation);
        kindFilter.addListener((obs, old, now) -> applyFilter());
        currentRollout.addListener((obs, old, now) -> applyFilter());
        searchText.addListener((obs, old, now) -> applyFilter());
        selected.addListener((obs, old, now) -> showDetails());
        canAdd = opened.and(readOnly.not()).and(busy.not());
        canCorrect = canAdd.and(Bindings.createBooleanBinding(
                () -> corrections.target(stored(selected.get())).isPresent(), selected, allRows));
        applyFilter();
    }

    /** Reads the journal again and re-verifies the chain; also what the Verify button does. */
    public void reload() {
        run(BackgroundTask.of(() -> JournalState.read(journal)), state -> show(state, 0));
        executor.execute(BackgroundTask.of(environmentNames::get)
                .onSuccess(names -> {
                    rollbackForm.offerEnvironments(names);
                    issueForm.offerEnvironments(names);
                })
                // the standard choices stay; a broken profiles file is reported in Settings, where it is fixed
                .onFailure(failure -> LOG.warn("Environment names not read for the journal forms", failure)));
    }

    public void addRollback() {
        rollbackForm.startNew();
        openForm.set(OpenForm.ROLLBACK);
    }

    public void logIssue() {
        issueForm.startNew();
        openForm.set(OpenForm.ISSUE);
    }

    public void recordTestOutcome() {
        testOutcomeForm.startNew();
        openForm.set(OpenForm.TEST_OUTCOME);
    }

    /** Opens the matching form pre-filled with what the selected record shows now. */
    public void correctSelected() {
        StoredEntry target = corrections.target(stored(selected.get())).orElse(null);
        if (target == null) {
            return;
        }
        JournalEntry current = corrections.currentContent(target);
        if (current instanceof RollbackPerformed) {
            rollbackForm.startCorrection(target.id(), current);
            openForm.set(OpenForm.ROLLBACK);
        } else if (current instanceof TestOutcomeRecorded) {
            testOutcomeForm.startCorrection(target.id(), current);
            openForm.set(OpenForm.TEST_OUTCOME);
        } else {
            issueForm.startCorrection(target.id(), current);
            openForm.set(OpenForm.ISSUE);
        }
    }

    /** Puts the full head, {@code ID:HASH}, on the clipboard: what {@code journal verify --expect} and a sign-off need. */
    public void copyHead() {
        if (!head.get().isEmpty()) {
            dialogs.copyToClipboard(head.get());
        }
    }

    public void closeForm() {
        openForm.set(OpenForm.NONE);
    }

    private void append(EntryDraft draft, Runnable onSaved, Consumer<String> onFailed) {
        if (readOnly.get()) {
            onFailed.accept(readOnlyMessage.get());
            return;
        }
        long generation = ++loadGeneration;
        busy.set(true);
        executor.execute(BackgroundTask.of(() -> {
                    StoredEntry stored = journal.writer().append(draft.build(operators.current(), clock.instant()));
                    try {
                        return new Appended(stored.id(), JournalState.read(journal));
                    } catch (RuntimeException readFailed) {
                        // the record is saved; only showing it failed, which a reload reports
                        return new Appended(stored.id(), null);
                    }
                })
                .onSuccess(appended -> {
                    onSaved.run();
                    if (appended.state() == null) {
                        reload();
                    } else if (generation == loadGeneration) {
                        show(appended.state(), appended.id());
                    }
                })
                .onFailure(failure -> onFailed.accept(JournalFailure.sentence("The record was not saved", failure)))
                .onFinished(() -> busy.set(false)));
    }

    private <T> void run(BackgroundTask<T> task, Consumer<T> onSuccess) {
        long generation = ++loadGeneration;
        busy.set(true);
        executor.execute(task
                .onSuccess(result -> {
                    if (generation == loadGeneration) {
                        onSuccess.accept(result);
                    }
                })
                .onFailure(failure -> {
                    head.set("");
                    chainStatus.set("The journal could not be read.");
                    chainIntact.set(false);
                    error.set(JournalFailure.sentence("Could not read the journal", failure));
                })
                .onFinished(() -> busy.set(false)));
    }

    private void show(JournalState state, long selectId) {
        // keep the reader's place; on first read show the newest record rather than an empty pane
        long keep = selectId != 0 ? selectId : selected.get() != null ? selected.get().id()
                : state.entries().isEmpty() ? 0 : state.entries().get(state.entries().size() - 1).id();
        opened.set(true);
        error.set("");
        readOnly.set(state.readOnly());
        readOnlyMessage.set(state.readOnlyMessage());
        chainIntact.set(state.report().ok());
        chainStatus.set(state.report().statusLine());
        // a broken chain's last good record is no head to approve or to expect later
        head.set(state.report().ok() && state.report().chain().verifiedCount() > 0
                ? state.report().chain().head().id() + ":" + state.report().chain().head().hash() : "");
        corrections = new Corrections(state.entries());
        allRows.setAll(state.entries().stream()
                .sorted(Comparator.comparingLong(StoredEntry::id).reversed())
                .map(JournalRow::of)
                .toList());
        updateCount();
        selected.set(rows.stream().filter(row -> row.id() == keep).findFirst().orElse(null));
        // an equal row does not fire a change, yet its corrections may be new
        showDetails();
    }

    private void showDetails() {
        JournalRow row = selected.get();
        details.set(row == null ? "" : EntryDetails.of(row.stored(), corrections.of(row.id())));
        snapshotRows.show(row == null ? null : row.stored());
    }

    private void applyFilter() {
        KindFilter kind = kindFilter.get() == null ? KindFilter.ALL : kindFilter.get();
        String text = searchText.get();
        String rollout = currentRollout.getValue();
        rows.setPredicate(row -> kind.accepts(row.stored().entry()) && row.matches(text) && belongsTo(row, rollout));
        subtitle.set(rollout == null ? "Append-only, hash-chained record of every rollout in this data folder"
                : "Append-only, hash-chained record of " + rollout);
        updateCount();
    }

    private void updateCount() {
        shownCount.set(rows.size() == allRows.size()
                ? allRows.size() + (allRows.size() == 1 ? " record" : " records")
                : rows.size() + " of " + allRows.size() + " records shown");
    }

    /** With no current rollout every record shows; the journal's own records (signing key, repairs) always do. */
    private static boolean belongsTo(JournalRow row, String rollout) {
        String owner = row.stored().entry().rollout();
        return rollout == null || owner == null || owner.equals(rollout);
    }

    private static StoredEntry stored(JournalRow row) {
        return row == null ? null : row.stored();
    }

    /** Which rollout this screen shows: the current one. */
    public StringBinding subtitleProperty() {
        return presentation.shown(subtitle.getReadOnlyProperty());
    }

    /** The window's presentation mode: the table's cells show their text through it. */
    public PresentationMode presentation() {
        return presentation;
    }

    public ObservableList<JournalRow> rows() {
        return rows;
    }

    public List<KindFilter> kindFilters() {
        return List.of(KindFilter.values());
    }

    public ObjectProperty<KindFilter> kindFilterProperty() {
        return kindFilter;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<JournalRow> selectedProperty() {
        return selected;
    }

    public StringBinding detailsProperty() {
        return presentation.shown(details.getReadOnlyProperty());
    }

    /** The selected snapshot's rows as tables, one query at a time. */
    public SnapshotRows snapshotRows() {
        return snapshotRows;
    }

    public StringBinding chainStatusProperty() {
        return presentation.shown(chainStatus.getReadOnlyProperty());
    }

    public StringBinding headProperty() {
        return presentation.shown(head.getReadOnlyProperty());
    }

    public ReadOnlyBooleanProperty chainIntactProperty() {
        return chainIntact.getReadOnlyProperty();
    }

    public StringBinding shownCountProperty() {
        return presentation.shown(shownCount.getReadOnlyProperty());
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public StringBinding readOnlyMessageProperty() {
        return presentation.shown(readOnlyMessage.getReadOnlyProperty());
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringBinding errorProperty() {
        return presentation.shown(error.getReadOnlyProperty());
    }

    public BooleanBinding canAddProperty() {
        return canAdd;
    }

    public BooleanBinding canCorrectProperty() {
        return canCorrect;
    }

    public ReadOnlyObjectProperty<OpenForm> openFormProperty() {
        return openForm.getReadOnlyProperty();
    }

    public RollbackFormViewModel rollbackForm() {
        return rollbackForm;
    }

    public IssueFormViewModel issueForm() {
        return issueForm;
    }

    public TestOutcomeFormViewModel testOutcomeForm() {
        return testOutcomeForm;
    }

    private record Appended(long id, JournalState state) {
    }
}
