package com.rolloutcontrolroom.services.evidence;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.journal.VerificationReport;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.demo.DemoSchema;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.journal.JournalVerification;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.report.VerificationReportWriter;
import com.rolloutcontrolroom.services.simulation.RolloutSimulation;
import com.rolloutcontrolroom.services.simulation.SimulationReport;
import com.rolloutcontrolroom.services.simulation.SimulationScenario;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;

/** The five-day HEALTHY rollout of RolloutSimulationTest, in a signed journal, and its evidence bundle. */
final class SimulatedRolloutJournal {

    static final String AGENT = "Rollout Control Room (test)";
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    final AppHome home;
    final JournalKeys keys = new KeychainJournalKeys(new SessionCredentialStore("Evidence test keychain in memory."));

    private SimulatedRolloutJournal(AppHome home) {
        this.home = home;
    }

    static SimulatedRolloutJournal simulate(EmbeddedPostgresExtension postgres, Path folder) throws Exception {
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            DemoSchema.ensure(connection);
            statement.execute("TRUNCATE observability_events");
        }
        SimulatedRolloutJournal journal = new SimulatedRolloutJournal(new AppHome(folder));
        try (JournalAccess access = new JournalAccess(journal.home, journal.keys)) {
            SimulationReport report = new RolloutSimulation(postgres.dataSource(), new DatabaseTarget(RolloutSimulation.ENVIRONMENT,
                    "localhost", postgres.port(), postgres.databaseName(), "postgres"), access,
                    OperatorIdentity.forCurrentUser(journal.home), SimulationScenario.HEALTHY, START).run();
            if (report.outcome() != SimulationReport.Outcome.REACHED_LEGACY_CLEANUP) {
                throw new IllegalStateException("The healthy simulation ended " + report.outcome());
            }
        }
        return journal;
    }

    /** A fresh export, as the CLI makes it: read-only, verified first. */
    EvidenceExporter.Bundle export() {
        try (JournalDatabase database = JournalDatabase.openReadOnly(home)) {
            VerificationReport verification = new JournalVerification(keys).verify(database, JournalVerification.Options.strict());
            return new EvidenceExporter(new VerificationReportWriter(), AGENT).build(database, verification, RolloutSimulation.ROLLOUT);
        }
    }
}
