package com.rolloutcontrolroom.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.domain.rollout.DemoRollout;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.demo.DemoOptions;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.DemoEnvironment;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.journal.JournalUnavailableException;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.query.QueryOutcome;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.QueryStatus;
import com.rolloutcontrolroom.services.query.RunCancellation;
import com.rolloutcontrolroom.services.query.SnapshotJson;
import com.rolloutcontrolroom.services.query.RunVerdicts;
import com.rolloutcontrolroom.services.query.SnapshotRecorder;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.services.query.SuiteRun;
import com.rolloutcontrolroom.services.query.SuiteRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code control-room run --env NAME [--suite quick|full] [--json]}: run the query set now and record a snapshot. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the query set against an environment now and record the snapshot in the journal.%n"
                + "Exit 0 when every query ran, 1 when a query failed or the snapshot could not be recorded.")
final class RunCommand implements Callable<Integer> {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(60);

    private final AppHome home;
    private final CredentialStore credentials;

    @Spec
    CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "Environment to read (demo, or one added with env add).")
    String environment;

    @Option(names = "--suite", defaultValue = "full", paramLabel = "quick|full", description = "Query set to run (default: ${DEFAULT-VALUE}).")
    String suite;

    @Option(names = "--json", description = "Print the run as JSON (shape documented in the README).")
    boolean json;

    RunCommand(AppHome home, CredentialStore credentials) {
        this.home = home;
        this.credentials = credentials;
    }

    @Override
    public Integer call() throws Exception {
        QuerySuite querySuite = QuerySuite.parse(suite).filter(s -> s != QuerySuite.METRIC).orElseThrow(() ->
                new IllegalArgumentException("--suite must be quick or full, not '" + suite + "'."));
        Clock clock = Clock.systemUTC();
        QuerySetLoader.Loaded loaded = new QuerySetLoader(new QueryFileParser(), home.userQueries()).load();
        loaded.problems().forEach(problem -> spec.commandLine().getErr().println("control-room: skipped " + problem.describe()));
        QuerySet querySet = loaded.querySet();
        try (DemoEnvironment demo = new DemoEnvironment(home.demoDatabase(), DemoOptions.defaults());
             ConnectionPools pools = new ConnectionPools(credentials);
             JournalAccess journal = new JournalAccess(home, new KeychainJournalKeys(credentials))) {
            EnvironmentCatalog catalog = new EnvironmentCatalog(demo, new EnvironmentProfiles(home.config()), pools, credentials);
            SuiteRunner runner = new SuiteRunner(new QueryRunner(STATEMENT_TIMEOUT, clock), clock);
            SuiteRun run = runner.run(catalog.database(environment), querySet, querySuite, new RunCancellation(), outcome -> { });
            SnapshotJson snapshotJson = new SnapshotJson();
            StoredEntry recorded = null;
            String notRecorded = null;
            try {
                recorded = new SnapshotRecorder(journal::writer, OperatorIdentity.forCurrentUser(home), snapshotJson, clock)
                        .record(run, DemoRollout.NAME, null);
            } catch (JournalUnavailableException e) {
                notRecorded = e.getMessage();
            }
            print(run, snapshotJson, recorded);
            if (notRecorded != null) {
                spec.commandLine().getErr().println("control-room: the snapshot was not recorded: " + notRecorded);
                return 1;
            }
            return run.count(QueryStatus.ERROR) > 0 ? 1 : 0;
        }
    }

    private static java.util.Map<String, Object> verdictJson(SnapshotVerdict verdict) {
        var json = new java.util.LinkedHashMap<String, Object>();
        json.put("subject", verdict.subject());
        json.put("verdict", verdict.outcome());
        json.put("reasons", verdict.reasons());
        return json;
    }

    private void print(SuiteRun run, SnapshotJson snapshotJson, StoredEntry recorded) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var tree = new java.util.LinkedHashMap<>(snapshotJson.runTree(run));
            tree.put("verdicts", RunVerdicts.of(run).stream().map(RunCommand::verdictJson).toList());
            if (recorded != null) {
                tree.put("snapshot", java.util.Map.of("journalId", recorded.id(), "hash", recorded.hash()));
            }
            out.println(new RunJsonPrinter().print(tree));
            out.flush();
            return;
        }
        out.printf(Locale.ROOT, "%s suite on %s: %d ok, %d error, %d ms%n", run.querySet(), run.environment(),
                run.count(QueryStatus.OK), run.count(QueryStatus.ERROR), run.took().toMillis());
        for (MetricKind kind : MetricKind.values()) {
            if (run.metrics().containsKey(kind)) {
                out.printf(Locale.ROOT, "  %-26s %s (last 6 h)%n", kind.title() + ":", run.metrics().get(kind).describe(kind.unit()));
            }
        }
        for (SnapshotVerdict verdict : RunVerdicts.of(run)) {
            out.printf(Locale.ROOT, "  %-26s %s: %s%n", "Verdict on " + verdict.subject() + ":", verdict.outcome(),
                    String.join(" ", verdict.reasons()));
        }
        for (QueryOutcome outcome : run.outcomes()) {
            out.printf(Locale.ROOT, "%n%s  [%s, %d ms]%n", outcome.query().name(), outcome.status(), outcome.took().toMillis());
            if (outcome.status() != QueryStatus.OK) {
                out.println("  " + outcome.error());
            } else {
                out.print(new TextTable(outcome.columns(), outcome.rows()).render("  "));
            }
        }
        if (recorded != null) {
            out.printf(Locale.ROOT, "%nRecorded as journal record %d (hash %s…).%n", recorded.id(), recorded.hash().substring(0, 12));
        }
        out.flush();
    }
}
