package com.rolloutcontrolroom.services.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;

/**
 * The environment profiles in the data folder's {@code config.json} (key {@code environments}).
 * The file never holds a secret: a profile has no password field to write. Other keys of the file
 * are kept as they are; writes go to a temporary file that replaces the config atomically. A file
 * that cannot be parsed is bad input ({@link IllegalArgumentException}: the CLI exits 2), named with
 * the line to fix; it is never overwritten.
 */
public final class EnvironmentProfiles {

    private static final String KEY = "environments";
    private static final String FIX = "fix it there, or move it away and add the environments again (env add or Settings).";

    private final Path configFile;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EnvironmentProfiles(Path configFile) {
        this.configFile = configFile;
    }

    public synchronized List<EnvironmentProfile> list() {
        List<EnvironmentProfile> profiles = new ArrayList<>();
        for (JsonNode node : readConfig().path(KEY)) {
            // saved before the name was reserved and never used (demo is the embedded database); the next save drops it
            if (!node.path("name").asText().strip().equalsIgnoreCase(EnvironmentProfile.DEMO_NAME)) {
                profiles.add(fromJson(node));
            }
        }
        profiles.sort(Comparator.comparing(EnvironmentProfile::name));
        return profiles;
    }

    public synchronized Optional<EnvironmentProfile> find(String name) {
        return list().stream().filter(profile -> profile.name().equals(name)).findFirst();
    }

    /** Adds the profile, or replaces the one with the same name. */
    public synchronized void save(EnvironmentProfile profile) {
        List<EnvironmentProfile> profiles = new ArrayList<>(list());
        profiles.removeIf(existing -> existing.name().equals(profile.name()));
        profiles.add(profile);
        write(profiles);
    }

    /** @return whether a profile of that name existed */
    public synchronized boolean remove(String name) {
        List<EnvironmentProfile> profiles = new ArrayList<>(list());
        boolean removed = profiles.removeIf(existing -> existing.name().equals(name));
        if (removed) {
            write(profiles);
        }
        return removed;
    }

    private ObjectNode readConfig() {
        if (!Files.exists(configFile)) {
            return json.createObjectNode();
        }
        JsonNode root;
        try {
            root = json.readTree(configFile.toFile());
        } catch (JsonProcessingException e) {
            // the parser's own words go to the log with the trace; the user gets the place to look
            JsonLocation where = e.getLocation();
            throw new IllegalArgumentException("The config file " + configFile + " is not valid JSON"
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
                    + "; " + FIX, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the config file " + configFile + "; check that it is a readable file.", e);
        }
        if (root instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException("The config file " + configFile + " is not a JSON object; " + FIX);
    }

    private void write(List<EnvironmentProfile> profiles) {
        ObjectNode root = readConfig();
        ArrayNode array = root.putArray(KEY);
        profiles.stream().sorted(Comparator.comparing(EnvironmentProfile::name)).forEach(profile -> array.add(toJson(profile)));
        try {
            Files.createDirectories(configFile.getParent());
            Path temporary = Files.createTempFile(configFile.getParent(), "config", ".json.tmp");
            try {
                json.writeValue(temporary.toFile(), root);
                move(temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the config file " + configFile + "; check that the data folder is writable.", e);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, configFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, configFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private ObjectNode toJson(EnvironmentProfile profile) {
        ObjectNode node = json.createObjectNode();
        node.put("name", profile.name());
        node.put("host", profile.host());
        node.put("port", profile.port());
        node.put("database", profile.database());
        node.put("user", profile.user());
        node.put("sslMode", profile.sslMode().value());
        node.put("rootCertPath", profile.rootCertPath());
        node.put("statementTimeoutMillis", profile.statementTimeout().toMillis());
        node.put("requireReadOnlyRole", profile.requireReadOnlyRole());
        return node;
    }

    private EnvironmentProfile fromJson(JsonNode node) {
        try {
            return new EnvironmentProfile(node.path("name").asText(), node.path("host").asText(),
                    node.path("port").asInt(EnvironmentProfile.DEFAULT_PORT), node.path("database").asText(),
                    node.path("user").asText(), SslMode.parse(node.path("sslMode").asText(SslMode.DEFAULT.value())),
                    node.path("rootCertPath").asText(""), // a "poolerMode" from older versions is ignored: every connection is pooler-safe
                    Duration.ofMillis(node.path("statementTimeoutMillis").asLong(EnvironmentProfile.DEFAULT_STATEMENT_TIMEOUT.toMillis())),
                    node.path("requireReadOnlyRole").asBoolean(false));
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage();
            throw new IllegalArgumentException("The config file " + configFile + " holds an invalid environment: "
                    + Character.toLowerCase(reason.charAt(0)) + reason.substring(1), e);
        }
    }
}
