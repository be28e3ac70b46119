package com.rolloutcontrolroom.ui.journal;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.ui.common.PresentationMode;

/**
 * The rows of the selected snapshot, one query at a time: which queries it holds and which one
 * the table shows. Empty for any other kind of record. Plain state for the journal screen.
 */
public final class SnapshotRows {

    private final ObservableList<QueryRows> queries = FXCollections.observableArrayList();
    private final ObjectProperty<QueryRows> chosen = new SimpleObjectProperty<>();
    private final BooleanBinding present = Bindings.isNotEmpty(queries);
    private final PresentationMode presentation;
    private StoredEntry shown;

    SnapshotRows(PresentationMode presentation) {
        this.presentation = presentation;
        presentation.redactorInUseProperty().addListener((obs, old, now) -> show(shown));
    }

    /** Shows the record's queries; keeps the same query chosen when the next snapshot has it too. */
    void show(StoredEntry stored) {
        shown = stored;
        String keep = chosen.get() == null ? null : chosen.get().queryName();
        if (stored == null || !(stored.entry() instanceof SnapshotTaken snapshot)) {
            chosen.set(null);
            queries.clear();
            return;
        }
        queries.setAll(snapshot.queries().stream().map(QueryRows::of).map(rows -> rows.shownBy(presentation::shown)).toList());
        chosen.set(queries.stream().filter(query -> query.queryName().equals(keep)).findFirst().orElse(queries.get(0)));
    }

    public ObservableList<QueryRows> queries() {
        return queries;
    }

    public ObjectProperty<QueryRows> chosenProperty() {
        return chosen;
    }

    /** True while a snapshot is selected: the rows section is shown only then. */
    public BooleanBinding presentBinding() {
        return present;
    }
}
