package com.rolloutcontrolroom.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.rolloutcontrolroom.domain.metrics.MetricWindow;
import com.rolloutcontrolroom.domain.gate.CheckpointJudgement;
import com.rolloutcontrolroom.domain.gate.Finding;
import com.rolloutcontrolroom.domain.gate.Verdict;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.demo.DemoHistory;
import com.rolloutcontrolroom.services.demo.DemoOptions;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.DemoEnvironment;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.home.Workspace;
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
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code control-room run --env NAME [--suite quick|full] [--rollout NAME] [--json]}: run the query set now and record a
 * snapshot to the rollout.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the query set against an environment now and record the snapshot in the journal, to --rollout NAME"
                + " or the current rollout (refused, with nothing run or recorded, when there is none).%n"
                + "Exit 0 when every query ran and the verdict is PASS, WARN or NO_DATA; 1 when the verdict is FAIL or ERROR,"
                + " a query failed, the database could not be reached (recorded as an ERROR snapshot) or the snapshot could not"
                + " be recorded; the reason goes to stderr in one sentence. 2 for bad usage.")
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

    @Option(names = "--rollout", paramLabel = "NAME", description = "Rollout the snapshot belongs to (default: the current one,"
            + " chosen with `rollout use` or in the window header; the only one when there is one).")
    String rollout;

    @Option(names = "--json", description = "Print the run as JSON (shape documented in the README).")
    boolean json;

    @Option(names = "--no-verdict-exit", description = "Let the verdict not decide the exit code (the old behaviour): only a query that"
            + " could not run or a snapshot not recorded exits 1 (for scripts that read the verdict from --json).")
    boolean noVerdictExit;

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
        // a damaged settings.json only loses preferences (the display name): the run goes on, and says so once
        SettingsFile settings = new SettingsFile(home.root().resolve("settings.json"));
        Workspace workspace = Workspace.forEnvironment(environment);
        settings.damage().ifPresent(sentence -> spec.commandLine().getErr().println("control-room: warning: " + sentence));
        try (DemoEnvironment demo = new DemoEnvironment(home.demoDatabase(), DemoOptions.remembered());
             ConnectionPools pools = new ConnectionPools(credentials);
             // the demo database's numbers are demo evidence: they go to the demo's own journal, never the real one
             JournalAccess journal = new JournalAccess(home, workspace, new KeychainJournalKeys(credentials))) {
            OperatorIdentity operator = OperatorIdentity.forCurrentUser(home);
            Rollouts rollouts = new Rollouts(journal, operator, clock);
            String recordsTo = null;
            String notRecorded = null;
            try {
                // decided before any query runs: a run that cannot be recorded to a rollout is refused, not wasted;
                // a fresh demo journal records to the demo rollout, whose history this run writes first
                recordsTo = workspace == Workspace.DEMO && rollout == null && rollouts.names().isEmpty() ? DemoHistory.ROLLOUT
                        : new CurrentRollout(new SettingsFile(workspace.rolloutSettings(home))).resolve(rollout, rollouts.names());
            } catch (JournalUnavailableException e) {
                notRecorded = e.getMessage(); // the numbers are still worth reading; the snapshot cannot be kept
            }
            EnvironmentCatalog catalog = new EnvironmentCatalog(demo, new EnvironmentProfiles(home.config()), pools, credentials);
            SuiteRunner runner = new SuiteRunner(new QueryRunner(STATEMENT_TIMEOUT, clock), clock);
            SuiteRun run = runner.attempt(catalog, environment, querySet, querySuite, new RunCancellation(),
                    database -> database.roleWarnings().forEach(warning -> spec.commandLine().getErr().println("control-room: warning: " + warning)),
                    outcome -> { });
            SnapshotJson snapshotJson = new SnapshotJson();
            StoredEntry recorded = null;
            if (notRecorded == null) {
                try {
                    if (workspace == Workspace.DEMO && !run.reachedNothing()) {
                        DemoHistory.of(home, journal, clock).recordOnce(demo.story());
                    }
                    recorded = new SnapshotRecorder(journal::writer, operator, snapshotJson, clock).record(run, recordsTo, null);
                } catch (JournalUnavailableException e) {
                    notRecorded = e.getMessage();
                }
            }
            CheckpointJudgement judgement = RunVerdicts.judge(run);
            print(run, judgement, snapshotJson, recorded);
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> failed = failureSentence(run);
            failed.ifPresent(sentence -> err.println("control-room: " + sentence));
            boolean verdictFails = !noVerdictExit && failsTheCheck(judgement.verdict());
            if (verdictFails && failed.isEmpty()) {
                err.println("control-room: the verdict on " + run.environment() + " is " + judgement.verdict() + ": "
                        + judgement.reasons().get(0));
            }
            if (notRecorded != null) {
                err.println("control-room: the snapshot was not recorded: " + notRecorded);
            }
            err.flush();
            return failed.isPresent() || verdictFails || notRecorded != null ? 1 : 0;
        }
    }

    /** FAIL and ERROR stop a script ({@code run && promote}); WARN and NO_DATA are for a person to read, not to block on. */
    static boolean failsTheCheck(Verdict verdict) {
        return verdict == Verdict.FAIL || verdict == Verdict.ERROR;
    }

    /** One sentence for a run in which a query failed: what stopped it (with the count of queries lost), else the first failure. */
    static Optional<String> failureSentence(SuiteRun run) {
        List<QueryOutcome> failed = run.outcomes().stream().filter(o -> o.status() == QueryStatus.ERROR).toList();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        int total = run.outcomes().size();
        Optional<String> stopped = run.stoppedBecause();
        if (stopped.isPresent()) {
            return Optional.of(run.reachedNothing() ? "No query ran on " + run.environment() + ": " + stopped.get()
                    : failed.size() + " of " + total + " queries on " + run.environment() + " failed or were not run: " + stopped.get());
        }
        String names = failed.stream().map(o -> o.query().name()).collect(Collectors.joining(", "));
        return Optional.of(failed.size() + " of " + total + " queries on " + run.environment() + " failed (" + names + "); the first: "
                + failed.get(0).error());
    }

    private static java.util.Map<String, Object> verdictJson(SnapshotVerdict verdict) {
        var json = new java.util.LinkedHashMap<String, Object>();
        json.put("subject", verdict.subject());
        json.put("verdict", verdict.outcome());
        json.put("reasons", verdict.reasons());
        return json;
    }

    private void print(SuiteRun run, CheckpointJudgement judgement, SnapshotJson snapshotJson, StoredEntry recorded) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var tree = new java.util.LinkedHashMap<>(snapshotJson.runTree(run));
            tree.put("verdict", judgement.verdict().name());
            tree.put("verdicts", RunVerdicts.verdicts(judgement).stream().map(RunCommand::verdictJson).toList());
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
                out.printf(Locale.ROOT, "  %-26s %s (%s)%n", kind.title() + ":", run.metrics().get(kind).describe(kind.unit()), MetricWindow.LAST);
            }
        }
        if (run.alarms() != null) {
            out.printf(Locale.ROOT, "  %-26s %d coordinator.error, %d coordinator.circuit_open (" + MetricWindow.LAST + ")%n", "Coordinator alarms:",
                    run.alarms().errors(), run.alarms().circuitOpens());
        }
        // the reasons as the Dashboard's strip lists them, most serious first, each with its own verdict
        out.printf(Locale.ROOT, "  %-26s %s%n", "Verdict:", judgement.verdict());
        for (Finding finding : judgement.bySeverity()) {
            for (String reason : finding.judgement().reasons()) {
                out.printf(Locale.ROOT, "    %-7s %s%n", finding.judgement().verdict(), reason);
            }
        }
        // queries not run for one reason (after a lost connection) share one entry instead of repeating it
        Map<String, List<String>> notRun = new LinkedHashMap<>();
        for (QueryOutcome outcome : run.outcomes()) {
            if (outcome.wasNotRun()) {
                notRun.computeIfAbsent(outcome.error(), reason -> new ArrayList<>()).add(outcome.query().name());
                continue;
            }
            out.printf(Locale.ROOT, "%n%s  [%s, %d ms]%n", outcome.query().name(), outcome.status(), outcome.took().toMillis());
            if (outcome.status() != QueryStatus.OK) {
                out.println("  " + outcome.error());
            } else {
                out.print(new TextTable(outcome.columns(), outcome.rows()).render("  "));
            }
        }
        notRun.forEach((reason, names) -> out.printf(Locale.ROOT, "%n%s  [ERROR, not run]%n  %s%n", String.join(", ", names), reason));
        if (recorded != null) {
            out.printf(Locale.ROOT, "%nRecorded as journal record %d (hash %s…).%n", recorded.id(), recorded.hash().substring(0, 12));
        }
        out.flush();
    }
}
