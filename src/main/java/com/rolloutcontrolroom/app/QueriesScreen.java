package com.rolloutcontrolroom.app;

import java.time.Clock;
import java.time.Duration;

import javafx.beans.value.ObservableValue;

import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.SnapshotCsv;
import com.rolloutcontrolroom.services.query.SnapshotJson;
import com.rolloutcontrolroom.services.query.SnapshotRecorder;
import com.rolloutcontrolroom.services.query.SuiteRunner;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.SuiteRecording;
import com.rolloutcontrolroom.ui.common.TaskExecutor;
import com.rolloutcontrolroom.ui.queries.QueriesViewModel;
import com.rolloutcontrolroom.ui.queries.QueryCatalogViewModel;
import com.rolloutcontrolroom.ui.queries.RunExportViewModel;

/** Wires the Queries screen's services and ViewModels; part of the composition root, kept apart for size. */
public final class QueriesScreen {

    /** As long as the CLI's {@code run}: a full suite on production data may take a while per query. */
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

    private QueriesScreen() {
    }

    public static QueriesViewModel viewModel(AppHome home, EnvironmentCatalog environments, JournalAccess journal,
                                             DialogService dialogs, TaskExecutor executor, Clock clock,
                                             ObservableValue<String> currentRollout, PresentationMode presentation) {
        return viewModel(new QuerySetLoader(new QueryFileParser(), home.userQueries()), OperatorIdentity.forCurrentUser(home),
                environments, journal, dialogs, executor, clock, currentRollout, presentation);
    }

    /** With the loader and operator the rest of the app uses, so a change to either shows everywhere. */
    public static QueriesViewModel viewModel(QuerySetLoader querySets, OperatorIdentity operator, EnvironmentCatalog environments,
                                             JournalAccess journal, DialogService dialogs, TaskExecutor executor, Clock clock,
                                             ObservableValue<String> currentRollout, PresentationMode presentation) {
        SnapshotJson json = new SnapshotJson();
        SnapshotRecorder recorder = new SnapshotRecorder(journal::writer, operator, json, clock);
        QueryCatalogViewModel catalog = new QueryCatalogViewModel(querySets, dialogs, executor, presentation);
        return new QueriesViewModel(environments, new SuiteRunner(new QueryRunner(QUERY_TIMEOUT, clock), clock), recorder, executor,
                catalog, new RunExportViewModel(dialogs, executor, new SnapshotCsv(), json), dialogs, currentRollout,
                journal.workspace(), presentation);
    }

    /** Run-and-record as the Queries screen's Run does it, for another screen's Run button (the Dashboard's Run now). */
    static SuiteRecording recording(EnvironmentCatalog environments, JournalAccess journal, OperatorIdentity operator, Clock clock) {
        return new SuiteRecording(environments, new SuiteRunner(new QueryRunner(QUERY_TIMEOUT, clock), clock),
                new SnapshotRecorder(journal::writer, operator, new SnapshotJson(), clock), journal.workspace());
    }
}
