package com.rolloutcontrolroom.bench;

import java.util.Arrays;

/**
 * Entry point of the {@code bench} Maven profile: {@code ./mvnw -q -Pbench verify [-Dbench=query|journal|rollout|evidence|pulse|startup|all]}.
 * Prints numbers; asserts nothing; never part of {@code ./mvnw verify}. {@code pulse} and {@code startup} need a display (Xvfb will
 * do), so {@code all} leaves them out.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "all" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        if (which.equals("query") || which.equals("all")) {
            System.out.println("== query suite: app vs psql ==");
            QuerySuiteBenchmark.main(rest);
        }
        if (which.equals("journal") || which.equals("all")) {
            System.out.println("== journal appends: app vs raw SQLite commits ==");
            JournalBenchmark.main(rest);
        }
        if (which.equals("rollout") || which.equals("all")) {
            System.out.println("== rollout state: app read+fold vs raw SQLite read ==");
            RolloutFoldBenchmark.main(rest);
        }
        if (which.equals("evidence") || which.equals("all")) {
            System.out.println("== evidence bundle: export and verify vs raw zip and unzip+hash ==");
            EvidenceBenchmark.main(rest);
        }
        if (which.equals("startup")) {
            System.out.println("== start-up: first frame of the app against a minimal JavaFX window ==");
            StartupBenchmark.main(rest);
        }
        if (which.equals("pulse")) {
            System.out.println("== FX-thread stalls: pulse gaps and runLater waits against an idle window ==");
            PulseGapBenchmark.main(rest);
        }
    }
}
