package com.rolloutcontrolroom.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.demo.DemoOptions;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.DemoEnvironment;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.home.Workspace;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.notify.Notice;
import com.rolloutcontrolroom.services.notify.NoticeFanOut;
import com.rolloutcontrolroom.services.notify.WebhookNotifier;
import com.rolloutcontrolroom.services.notify.WebhookPoster;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.schedule.ScheduleKeeper;
import com.rolloutcontrolroom.services.schedule.Scheduler;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code control-room watch [--rollout NAME] [--demo] [--every SECONDS] [--once]}: keeps the monitoring schedule
 * without a window, for a machine that stays on. Same journal and lock rules as the desktop app: whichever
 * starts first keeps the schedule, the other waits to take over. SIGTERM stops it cleanly.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Keep the monitoring schedule without a window: take every checkpoint when it is due (as of its due"
                + " time, late ones too), retry an unreachable database, and post notices to the webhook if one is set."
                + " Runs until SIGTERM; only one process (this or the desktop app) keeps a journal's schedule at a time.")
final class WatchCommand implements Callable<Integer> {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final AppHome home;
    private final CredentialStore credentials;

    @Spec CommandSpec spec;
    @Option(names = "--rollout", paramLabel = "NAME", description = "Keep only this rollout's schedule (default: every rollout in progress).")
    String rollout;
    @Option(names = "--demo", description = "Keep the demo workspace's schedule instead of your own rollouts'.")
    boolean demo;
    @Option(names = "--every", paramLabel = "SECONDS", defaultValue = "30", description = "Seconds between ticks (default 30).")
    long everySeconds;
    @Option(names = "--once", description = "One tick, then exit (for cron or a check).")
    boolean once;

    WatchCommand(AppHome home, CredentialStore credentials) {
        this.home = home;
        this.credentials = credentials;
    }

    @Override
    public Integer call() throws Exception {
        if (everySeconds < 1) {
            throw new IllegalArgumentException("--every must be at least 1 second.");
        }
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        Workspace workspace = demo ? Workspace.DEMO : Workspace.REAL;
        var webhookThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook");
            thread.setDaemon(true);
            return thread;
        });
        try (DemoEnvironment demoDatabase = new DemoEnvironment(home.demoDatabase(), DemoOptions.remembered());
             ConnectionPools pools = new ConnectionPools(credentials);
             JournalAccess journal = new JournalAccess(home, workspace, new KeychainJournalKeys(credentials))) {
            OperatorIdentity operator = OperatorIdentity.forCurrentUser(home);
            Rollouts rollouts = new Rollouts(journal, operator, clock);
            if (rollout != null && !rollouts.names().contains(rollout)) {
                rollouts.require(rollout);
            }
            EnvironmentCatalog catalog = new EnvironmentCatalog(demoDatabase, new EnvironmentProfiles(home.config()), pools, credentials);
            QuerySetLoader loader = new QuerySetLoader(new QueryFileParser(), home.userQueries());
            Scheduler scheduler = Scheduler.of(rollouts, journal, catalog, () -> loader.load().querySet(), operator, STATEMENT_TIMEOUT, clock);
            NoticeFanOut notices = new NoticeFanOut(List.of(
                    notice -> print(out, notice),
                    new WebhookNotifier(new WebhookPoster(credentials, WebhookPoster.DEFAULT_TIMEOUT), webhookThread)));
            try (ScheduleKeeper keeper = new ScheduleKeeper(journal, rollouts, scheduler, clock, notices, Optional.ofNullable(rollout))) {
                if (once) {
                    report(out, keeper.tick());
                    return 0;
                }
                return keepUntilStopped(out, keeper);
            }
        } finally {
            webhookThread.shutdown();
        }
    }

    private int keepUntilStopped(PrintWriter out, ScheduleKeeper keeper) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                // the JVM exits when hooks end: wait until a checkpoint being written is on record
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Watching the " + (demo ? "demo workspace's " : "") + "monitoring schedule"
                + (rollout == null ? "" : " of " + rollout) + " every " + everySeconds + " s; stop with SIGTERM.");
        out.flush();
        boolean[] waiting = {false};
        var timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleWithFixedDelay(() -> {
            try {
                ScheduleKeeper.Tick tick = keeper.tick();
                if (!tick.keeping() && !waiting[0] && tick.keeperPid() > 0) {
                    out.println("The schedule is kept by process " + tick.keeperPid() + "; waiting to take over when it stops.");
                }
                waiting[0] = !tick.keeping();
                report(out, tick);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(WatchCommand.class).error("A watch tick failed; the next tick tries again", e);
                out.println("control-room: this tick failed (" + e.getMessage() + "); the next one tries again.");
                out.flush();
            }
        }, 0, everySeconds, java.util.concurrent.TimeUnit.SECONDS);
        stopped.await();
        timer.shutdown();
        timer.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        out.println("Stopped; the schedule is free for another keeper.");
        out.flush();
        closed.countDown();
        return 0;
    }

    private static void report(PrintWriter out, ScheduleKeeper.Tick tick) {
        for (Scheduler.Taken taken : tick.taken()) {
            var snapshot = taken.stored();
            out.println(UtcTime.text(java.time.Instant.now()) + "  " + taken.rollout() + ": " + taken.entry().label() + " "
                    + taken.entry().kind().label() + " of " + taken.entry().phase() + ", as of " + UtcTime.text(taken.entry().due())
                    + " (journal record " + snapshot.id() + ")");
        }
        out.flush();
    }

    private static void print(PrintWriter out, Notice notice) {
        out.println(UtcTime.text(notice.at()) + "  " + notice.text());
        out.flush();
    }
}
