package com.rolloutcontrolroom.app;

import com.rolloutcontrolroom.services.home.AppHome;
import java.io.IOException;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Logs go to {@code logs/control-room.log} in the data folder; only warnings reach the terminal, so
 * CLI output stays clean for scripts.
 */
public final class LogSetup {

    private LogSetup() {
    }

    public static void configure(AppHome home) {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return; // tests and power users bring their own configuration
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.WARNING);
        console.setFormatter(new SimpleFormatter());
        root.addHandler(console);
        try {
            FileHandler file = new FileHandler(home.logs().resolve("control-room.%g.log").toString(), 5_000_000, 3, true);
            file.setFormatter(new SimpleFormatter());
            file.setLevel(Level.INFO);
            root.addHandler(file);
        } catch (IOException e) {
            root.warning("Cannot write the log file in " + home.logs() + ": " + e.getMessage());
        }
        Logger.getLogger("io.zonky").setLevel(Level.WARNING);
        Logger.getLogger("com.zaxxer.hikari").setLevel(Level.WARNING);
    }
}
