package com.rolloutcontrolroom.services.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.domain.rollout.GateResult;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.PhaseGates;
import com.rolloutcontrolroom.domain.schedule.CheckpointState;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;
import com.rolloutcontrolroom.domain.schedule.RetryPolicy;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.testsupport.MutableClock;

/**
 * The phase's environment is a port nothing listens on: each checkpoint is attempted, retried after
 * the policy's backoff (1, 2, 4, 8 minutes), and after 5 attempts is ERROR; then nothing more is taken,
 * and the gate never passes with it.
 */
class RetryThenErrorTest {

    @TempDir
    Path dataFolder;

    private final Instant marker = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
    private final SessionCredentialStore credentials = new SessionCredentialStore("retry test: no keychain needed");
    private ConnectionPools pools;
    private EnvironmentCatalog environments;

    @BeforeEach
    void setUp() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AppHome home = new AppHome(dataFolder);
        new EnvironmentProfiles(home.config()).save(new EnvironmentProfile(SchedulePlan.ENVIRONMENT, "127.0.0.1", closedPort, "postgres",
                "postgres", SslMode.DISABLE, "", Duration.ofSeconds(5)));
        credentials.store(CredentialKey.forEnvironment(SchedulePlan.ENVIRONMENT), "fake-unused".toCharArray());
        pools = new ConnectionPools(credentials);
        environments = new EnvironmentCatalog(() -> {
            throw new AssertionError("the demo database is not this test's");
        }, new EnvironmentProfiles(home.config()), pools, credentials);
    }

    @Test
    void anUnreachableCheckpointIsRetriedWithBackoffThenErrorAndNothingMore() throws Exception {
        MutableClock clock = new MutableClock(marker);
        try (ConnectionPools open = pools; ScheduleRig rig = new ScheduleRig(dataFolder, clock, environments)) {
            rig.startFullPhaseAt(marker);
            clock.set(marker.plusSeconds(10));
            for (int attempt = 1; attempt <= RetryPolicy.STANDARD.attempts(); attempt++) {
                Instant attemptedAt = clock.instant();
                List<Scheduler.Taken> taken = rig.scheduler.tick();
                assertThat(taken).as("attempt %d", attempt).extracting(t -> t.entry().label()).containsExactly("T+0h");
                assertThat(taken.get(0).stored().id()).isPositive();
                LedgerEntry entry = rig.entry("T+0h");
                assertThat(entry.attempts()).hasSize(attempt);
                assertThat(entry.attempts()).allSatisfy(a -> assertThat(a.entry().scheduled().databaseReached()).isFalse());
                if (attempt < RetryPolicy.STANDARD.attempts()) {
                    Duration backoff = Duration.ofMinutes(1L << (attempt - 1));
                    assertThat(entry.state()).as("after attempt %d", attempt).isEqualTo(CheckpointState.RETRYING);
                    assertThat(entry.nextAttempt()).isEqualTo(attemptedAt.plus(backoff));
                    clock.advance(backoff.minusSeconds(1));
                    assertThat(rig.scheduler.tick()).as("not before its backoff").isEmpty();
                    clock.advance(Duration.ofSeconds(1));
                } else {
                    assertThat(entry.state()).isEqualTo(CheckpointState.ERROR);
                    assertThat(entry.nextAttempt()).isNull();
                    assertThat(entry.describe()).isEqualTo("T+0h Quick health check of Staging full: ERROR, 5 attempts could not reach the database");
                }
            }
            clock.advance(Duration.ofMinutes(30));
            assertThat(rig.scheduler.tick()).as("an ERROR checkpoint is not taken again").isEmpty();
            assertThat(rig.entry("T+0h").state()).isEqualTo(CheckpointState.ERROR);
            assertThat(rig.entry("T+1h").state()).isEqualTo(CheckpointState.PENDING);
        }
    }

    @Test
    void aPhaseWhoseCheckpointsAllEndedInErrorNeverPassesItsGate() throws Exception {
        MutableClock clock = new MutableClock(marker);
        try (ConnectionPools open = pools; ScheduleRig rig = new ScheduleRig(dataFolder, clock, environments)) {
            rig.startFullPhaseAt(marker);
            clock.set(marker.plus(Duration.ofHours(49)));
            assertThat(rig.scheduler.tick()).as("every checkpoint's first attempt, in one tick").hasSize(SchedulePlan.HOURS.size());
            for (long wait : new long[] {1, 2, 4, 8}) {
                clock.advance(Duration.ofMinutes(wait));
                assertThat(rig.scheduler.tick()).hasSize(SchedulePlan.HOURS.size());
            }
            clock.advance(Duration.ofHours(1));
            assertThat(rig.scheduler.tick()).isEmpty();
            assertThat(rig.ledger()).extracting(LedgerEntry::state).containsOnly(CheckpointState.ERROR);

            GateStatus gate = PhaseGates.current(rig.state(), clock.instant());
            assertThat(gate.result()).isNotIn(GateResult.PASS, GateResult.WARN_ACCEPTED, GateResult.WARN);
            assertThat(gate.reasons()).contains("T+0h Quick health check of Staging full: ERROR, 5 attempts could not reach the database",
                    "T+48h Final verification of Staging full: ERROR, 5 attempts could not reach the database");
        }
    }
}
