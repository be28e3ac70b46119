package com.rolloutcontrolroom.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.demo.DemoDatabase;
import com.rolloutcontrolroom.services.demo.DemoOptions;
import com.rolloutcontrolroom.services.demo.DemoScenario;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code control-room demo-db}: the embedded demo PostgreSQL with live traffic, in the foreground. */
@Command(name = "demo-db", mixinStandardHelpOptions = true,
        description = "Run the embedded demo PostgreSQL with live traffic in the foreground; Ctrl-C stops it.")
final class DemoDbCommand implements Callable<Integer> {

    private final AppHome home;

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "healthy|degraded",
            description = "Story of the demo data: ${COMPLETION-CANDIDATES}; it stays until changed, also for the app and"
                    + " run --env demo (default: the one chosen last, healthy at first).")
    DemoScenario scenario;

    @Option(names = "--rate", paramLabel = "BOOKINGS_PER_HOUR",
            description = "Live traffic: coordinator bookings per hour (default: the one chosen last, 40 at first).")
    Integer bookingsPerHour;

    @Option(names = "--reset", description = "Throw away the demo data and seed it again.")
    boolean reset;

    DemoDbCommand(AppHome home) {
        this.home = home;
    }

    @Override
    public Integer call() throws Exception {
        if (bookingsPerHour != null && (bookingsPerHour < 1 || bookingsPerHour > 100_000)) {
            throw new IllegalArgumentException("--rate must be between 1 and 100000 bookings per hour.");
        }
        PrintWriter out = spec.commandLine().getOut();
        home.ensureExists();
        DemoDatabase demo = DemoDatabase.startOrConnect(home.demoDatabase(),                 new DemoOptions(scenario, bookingsPerHour == null ? 0 : bookingsPerHour, reset));
        out.println(demo.jdbcUrl());
        out.println("psql: psql '" + PsqlUrl.of(demo.target()) + "'");
        if (!demo.ownsServer()) {
            out.println("The demo database is already running in another Rollout Control Room process; that process writes its live traffic.");
            out.flush();
            demo.close();
            return 0;
        }
        out.println("Writing live traffic (" + demo.seeded().scenario().name().toLowerCase(java.util.Locale.ROOT) + ", "
                + demo.seeded().bookingsPerHour() + " bookings/hour). Press Ctrl-C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "demo-db-stop"));
        stopped.await();
        return 0;
    }
}
