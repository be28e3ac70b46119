package com.rolloutcontrolroom.ui.queries;

import com.rolloutcontrolroom.ui.common.FailureSentence;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.query.InvalidQueryFileException;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileProblem;
import com.rolloutcontrolroom.domain.query.QueryParameter;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * The left half of the Queries screen: the query set grouped by suite, the selected query's
 * description, parameters and SQL, and adding a user's query file.
 */
public final class QueryCatalogViewModel {

    private final QuerySetLoader loader;
    private final DialogService dialogs;
    private final TaskExecutor executor;

    private final ReadOnlyObjectWrapper<QuerySet> querySet = new ReadOnlyObjectWrapper<>(new QuerySet(List.of()));
    private final ObservableList<QueryListItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<QueryListItem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper("");
    private final ObservableList<QueryParameter> parameters = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final PresentationMode presentation;

    public QueryCatalogViewModel(QuerySetLoader loader, DialogService dialogs, TaskExecutor executor, PresentationMode presentation) {
        this.presentation = presentation;
        this.loader = loader;
        this.dialogs = dialogs;
        this.executor = executor;
        selected.addListener((obs, old, item) -> showDetail(item));
    }

    /** Loads the built-in and user query files off the FX thread. */
    public void load() {
        run(BackgroundTask.of(loader::load).onSuccess(loaded -> {
            show(loaded.querySet(), Optional.empty());
            problems.setAll(loaded.problems().stream().map(QueryFileProblem::describe).toList());
            if (!problems.isEmpty()) {
                message.set("Some of your query files were left out; fix them and add them again:");
            }
        }).onFailure(failure -> message.set("The query set could not be loaded: " + FailureSentence.of(failure))));
    }

    /** Asks for a .sql file, validates it against the set and, when it is fine, adds it for good. */
    public void addQueryFile() {
        dialogs.chooseFileToOpen("Add a query file", "sql").ifPresent(this::addQueryFile);
    }

    void addQueryFile(Path file) {
        message.set("");
        problems.clear();
        QuerySet current = querySet.get();
        run(BackgroundTask.of(() -> new Added(loader.addUserFile(current, file), loader.load().querySet()))
                .onSuccess(added -> {
                    show(added.set(), added.queries().stream().findFirst());
                    message.set("Added " + file.getFileName() + ": " + added.queries().size()
                            + (added.queries().size() == 1 ? " query." : " queries."));
                })
                .onFailure(failure -> {
                    message.set(file.getFileName() + " was not added; the query set is unchanged.");
                    if (failure instanceof InvalidQueryFileException invalid) {
                        problems.setAll(invalid.problems().stream().map(QueryFileProblem::describe).toList());
                    } else {
                        problems.setAll(FailureSentence.of(failure));
                    }
                }));
    }

    private void show(QuerySet set, Optional<QueryDefinition> select) {
        querySet.set(set);
        items.clear();
        addGroup("Quick health check", set.suite(QuerySuite.QUICK));
        addGroup("Full suite", set.suite(QuerySuite.FULL));
        addGroup("Metric definitions (run with every suite)", set.suite(QuerySuite.METRIC));
        QueryDefinition wanted = select.orElseGet(() -> set.queries().isEmpty() ? null : set.suite(QuerySuite.QUICK).stream()
                .findFirst().orElse(set.queries().get(0)));
        selected.set(items.stream().filter(item -> !item.isHeading() && item.query().equals(wanted)).findFirst().orElse(null));
    }

    private void addGroup(String heading, List<QueryDefinition> queries) {
        if (!queries.isEmpty()) {
            items.add(QueryListItem.heading(heading));
            queries.forEach(query -> items.add(QueryListItem.of(query)));
        }
    }

    private void showDetail(QueryListItem item) {
        QueryDefinition query = item == null ? null : item.query();
        title.set(query == null ? "" : query.name());
        description.set(query == null ? "" : query.description() + "  (" + query.sourceFile() + ", line " + query.line() + ")");
        sql.set(query == null ? "" : query.sql());
        parameters.setAll(query == null ? List.of() : query.parameters());
    }

    private <T> void run(BackgroundTask<T> task) {
        busy.set(true);
        executor.execute(task.onFinished(() -> busy.set(false)));
    }

    public ReadOnlyObjectProperty<QuerySet> querySetProperty() { return querySet.getReadOnlyProperty(); }
    public ObservableList<QueryListItem> items() { return items; }
    /** Set by the list; a heading selects no query. */
    public ObjectProperty<QueryListItem> selectedProperty() { return selected; }
    public StringBinding titleProperty() { return presentation.shown(title.getReadOnlyProperty()); }
    public StringBinding descriptionProperty() { return presentation.shown(description.getReadOnlyProperty()); }
    public StringBinding sqlProperty() { return presentation.shown(sql.getReadOnlyProperty()); }
    public ObservableList<QueryParameter> parameters() { return parameters; }
    public StringBinding messageProperty() { return presentation.shown(message.getReadOnlyProperty()); }
    /** Each problem of a refused file as "file line N: sentence". */
    public ObservableList<String> problems() { return problems; }
    /** The left-out files' problems as one text, as it may be shown. */
    public StringBinding problemsTextProperty() {
        return presentation.shown(Bindings.createStringBinding(() -> String.join("\n", problems), problems));
    }
    /** The window's presentation mode, for the list's cells. */
    public PresentationMode presentation() { return presentation; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    private record Added(List<QueryDefinition> queries, QuerySet set) {
    }
}
