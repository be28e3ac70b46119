package com.rolloutcontrolroom.app;

import com.rolloutcontrolroom.services.home.AppHome;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Child process of {@link LogSetupTest}: configures logging like the jar does, then logs a warning
 * and, with {@code uncaught}, lets a thread die of an exception nobody catches. */
public final class LogProbe {

    private LogProbe() {
    }

    public static void main(String[] args) {
        LogSetup.configure(new AppHome(Path.of(args[0])).ensureExists());
        LoggerFactory.getLogger(LogProbe.class).warn("probe warning for the log file");
        if (args.length > 1 && args[1].equals("uncaught")) {
            Thread thread = new Thread(() -> {
                throw new IllegalStateException("probe failure nobody caught");
            }, "probe-thread");
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
