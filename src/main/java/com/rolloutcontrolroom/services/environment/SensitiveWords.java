package com.rolloutcontrolroom.services.environment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.redact.Redactor.Sensitive;

/**
 * What presentation mode must hide although no pattern can tell: every environment profile's host,
 * port, database, user and certificate path, the OS login, the home folder and the data folder.
 * Reads the config file: call it off the FX thread.
 */
public final class SensitiveWords {

    private static final Logger LOG = LoggerFactory.getLogger(SensitiveWords.class);

    private final EnvironmentProfiles profiles;
    private final Path dataFolder;

    public SensitiveWords(EnvironmentProfiles profiles, Path dataFolder) {
        this.profiles = profiles;
        this.dataFolder = dataFolder;
    }

    public Map<String, Sensitive> read() {
        Map<String, Sensitive> words = new LinkedHashMap<>();
        try {
            for (EnvironmentProfile profile : profiles.list()) {
                words.put(profile.host(), profile.host().matches("[0-9.]+|.*:.*") ? Sensitive.IP : Sensitive.HOST);
                words.put(String.valueOf(profile.port()), Sensitive.PORT);
                words.put(profile.database(), Sensitive.DATABASE);
                words.put(profile.user(), Sensitive.USER);
                words.put(profile.rootCertPath(), Sensitive.PATH);
            }
        } catch (RuntimeException unreadable) {
            // a damaged config is reported by the screens that need it; the patterns still hide most
            LOG.warn("Presentation mode could not read the environment profiles: {}", unreadable.getMessage());
        }
        words.put(System.getProperty("user.name", ""), Sensitive.USER);
        words.put(System.getProperty("user.home", ""), Sensitive.PATH);
        words.put(dataFolder.toString(), Sensitive.PATH);
        words.put(dataFolder.toAbsolutePath().normalize().toString(), Sensitive.PATH);
        try {
            words.put(dataFolder.toRealPath().toString(), Sensitive.PATH);
        } catch (IOException notThereYet) {
            // the folder is made on first use; its given name is already known
        }
        words.remove("");
        return words;
    }
}
