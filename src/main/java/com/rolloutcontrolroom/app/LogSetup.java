package com.rolloutcontrolroom.app;

import com.rolloutcontrolroom.services.home.AppHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Logs go to {@code logs/control-room.N.log} in the data folder and nowhere else: stderr belongs to
 * the CLI's one-sentence errors, which a script reads, and a log line there would come on top of them.
 */
public final class LogSetup {

    /**
     * The JDK's HTTP client logs each request's URI at FINE through this logger whenever FINE is on
     * (its debug logger follows the logging level, not only its own property), and a webhook's URL
     * is a secret. Held here because java.util.logging keeps loggers weakly, and a collected
     * logger loses its level.
     */
    private static final Logger JDK_HTTP_CLIENT = Logger.getLogger("jdk.internal.httpclient");

    /** Where read commands log, under the temporary folder. */
    public static final String READ_LOGS = "rollout-control-room-logs";

    private LogSetup() {
    }

    public static void configure(AppHome home) {
        configure(home, false);
    }

    /**
     * @param readsOnly a command that must leave the data folder as it was (an auditor's copy stays
     *                  byte for byte): its log goes to {@code rollout-control-room-logs} in the
     *                  temporary folder instead
     */
    public static void configure(AppHome home, boolean readsOnly) {
        UncaughtFailures.logThem();
        if (System.getProperty("java.util.logging.config.file") != null) {
            keepRequestUrisOut(); // a brought configuration at FINE would otherwise log the webhook's URL
            return; // tests and power users bring their own configuration
        }
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        try {
            Path folder = readsOnly ? Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), READ_LOGS)) : home.logs();
            FileHandler file = new FileHandler(folder.resolve("control-room.%g.log").toString(), 5_000_000, 3, true);
            file.setFormatter(new LogLineFormat());
            file.setLevel(Level.INFO);
            root.addHandler(file);
        } catch (IOException e) {
            // without a log file the app still works; it only loses its diagnostics
            root.setLevel(Level.OFF);
        }
        Logger.getLogger("io.zonky").setLevel(Level.WARNING);
        Logger.getLogger("com.zaxxer.hikari").setLevel(Level.WARNING);
        keepRequestUrisOut();
    }

    private static void keepRequestUrisOut() {
        JDK_HTTP_CLIENT.setLevel(Level.INFO);
    }
}
