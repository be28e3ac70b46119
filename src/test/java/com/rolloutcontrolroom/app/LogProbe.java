package com.rolloutcontrolroom.app;

import com.rolloutcontrolroom.services.home.AppHome;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Child process of {@link LogSetupTest}: configures logging like the jar does, then logs a warning. */
public final class LogProbe {

    private LogProbe() {
    }

    public static void main(String[] args) {
        LogSetup.configure(new AppHome(Path.of(args[0])).ensureExists());
        LoggerFactory.getLogger(LogProbe.class).warn("probe warning for the log file");
    }
}
