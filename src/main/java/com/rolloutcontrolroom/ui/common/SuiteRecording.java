package com.rolloutcontrolroom.ui.common;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.query.IndexAdvice;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.services.environment.IndexAdviceCheck;
import com.rolloutcontrolroom.services.home.Workspace;
import com.rolloutcontrolroom.services.journal.JournalUnavailableException;
import com.rolloutcontrolroom.services.query.QueryOutcome;
import com.rolloutcontrolroom.services.query.RunCancellation;
import com.rolloutcontrolroom.services.query.SnapshotRecorder;
import com.rolloutcontrolroom.services.query.SuiteRun;
import com.rolloutcontrolroom.services.query.SuiteRunner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a suite on an environment and records it to a rollout, as every screen with a Run button does
 * (Queries, Dashboard): one place decides when a run is not recorded, and says why in one sentence.
 */
public final class SuiteRecording {

    private static final Logger LOG = LoggerFactory.getLogger(SuiteRecording.class);
    /** for the catalog read of the index advice, when the environment sets no timeout of its own */
    private static final Duration CATALOG_TIMEOUT = Duration.ofSeconds(30);

    private final EnvironmentDatabases databases;
    private final SuiteRunner suiteRunner;
    private final SnapshotRecorder recorder;
    private final Workspace workspace;
    private final IndexAdviceCheck indexCheck = new IndexAdviceCheck();

    public SuiteRecording(EnvironmentDatabases databases, SuiteRunner suiteRunner, SnapshotRecorder recorder, Workspace workspace) {
        this.databases = databases;
        this.suiteRunner = suiteRunner;
        this.recorder = recorder;
        this.workspace = workspace;
    }

    /**
     * Blocking. An environment that cannot be reached is a run of ERROR outcomes, recorded like any run; a
     * cancelled run is not recorded.
     *
     * @param rollout the rollout current when the run started; null when there is none
     * @param onEach  called on the background thread after each query
     */
    public Recorded runAndRecord(String environment, QuerySet set, QuerySuite suite, String rollout, RunCancellation cancellation,
                                 Consumer<QueryOutcome> onEach) {
        AtomicReference<String> roleWarning = new AtomicReference<>("");
        AtomicReference<Optional<IndexAdvice>> indexAdvice = new AtomicReference<>(Optional.empty());
        SuiteRun run = suiteRunner.attempt(databases, environment, set, suite, cancellation, database -> {
            roleWarning.set(RoleWarning.of(database.roleWarnings()));
            indexAdvice.set(indexAdvice(database, set, suite));
        }, onEach);
        Recorded recorded = run.wasCancelled() ? new Recorded(run, null, null, "") : record(run, rollout);
        return recorded.withRoleWarning(roleWarning.get()).withIndexAdvice(indexAdvice.get());
    }

    /** Advice is a hint: a catalog that cannot be read costs the hint, never the run. */
    private Optional<IndexAdvice> indexAdvice(Database database, QuerySet set, QuerySuite suite) {
        try {
            return indexCheck.check(database, SuiteRunner.queriesOf(set, suite), CATALOG_TIMEOUT);
        } catch (SQLException | RuntimeException e) {
            LOG.info("the indexes of observability_events on {} could not be read; no index advice", database.target().environment(), e);
            return Optional.empty();
        }
    }

    /** With no current rollout, or a journal that cannot take the record, a sentence says why it was not recorded. */
    private Recorded record(SuiteRun run, String rollout) {
        if (rollout == null) {
            return new Recorded(run, null, CurrentRolloutModel.NONE_CURRENT, "");
        }
        Optional<String> refusal = workspace.recordingRefusal(run.environment());
        if (refusal.isPresent()) {
            return new Recorded(run, null, "Not recorded in the journal: " + refusal.get() + ".", "");
        }
        try {
            return new Recorded(run, recorder.record(run, rollout, null), null, "");
        } catch (JournalUnavailableException e) {
            return new Recorded(run, null, "Not recorded in the journal: " + e.getMessage(), "");
        }
    }

    /**
     * @param entry       the journal record, when recorded
     * @param notRecorded why it was not, when it was not and not cancelled
     * @param roleWarning empty unless the environment's role can do more than read
     * @param indexAdvice the index the run's queries lack on observability_events, if any
     */
    public record Recorded(SuiteRun run, StoredEntry entry, String notRecorded, String roleWarning, Optional<IndexAdvice> indexAdvice) {

        Recorded(SuiteRun run, StoredEntry entry, String notRecorded, String roleWarning) {
            this(run, entry, notRecorded, roleWarning, Optional.empty());
        }

        Recorded withRoleWarning(String warning) {
            return new Recorded(run, entry, notRecorded, warning, indexAdvice);
        }

        Recorded withIndexAdvice(Optional<IndexAdvice> advice) {
            return new Recorded(run, entry, notRecorded, roleWarning, advice);
        }
    }
}
