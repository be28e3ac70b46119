package com.rolloutcontrolroom.services.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small user preferences in {@code settings.json} in the data folder. Never a secret: credentials
 * live in the OS keychain. Keys this class does not know are kept, so features can share the file.
 *
 * <p>A damaged file (not JSON, not an object, unreadable) never stops anything: reads fall back to the
 * defaults, {@link #damage()} gives the one sentence a front end shows once, and writes are refused so
 * the file stays as it is for the user to fix or delete.
 */
public final class SettingsFile {

    /**
     * Features make their own instance on the same file (theme, operator name); a per-file lock keeps one
     * feature's read-modify-write from overwriting another's key.
     */
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();
    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);
    /** Files whose damage was already logged by this process: the log says it once, not at every read. */
    private static final ConcurrentMap<Path, Boolean> LOGGED = new ConcurrentHashMap<>();

    private final Path file;
    private final Object lock;
    private final ObjectMapper mapper = new ObjectMapper();

    public SettingsFile(Path file) {
        this.file = file;
        this.lock = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new Object());
    }

    /** The sentence saying the file is damaged and defaults are used, or empty when it is sound (or absent). */
    public Optional<String> damage() {
        synchronized (lock) {
            try {
                parse();
                return Optional.empty();
            } catch (DamagedSettings e) {
                return Optional.of(e.getMessage());
            }
        }
    }

    public Optional<String> get(String key) {
        synchronized (lock) {
            JsonNode value = readOrDefaults().get(key);
            return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.textValue());
        }
    }

    public void set(String key, String value) {
        synchronized (lock) {
            ObjectNode settings;
            try {
                settings = parse();
            } catch (DamagedSettings e) {
                throw new IllegalStateException("Settings file " + file + " is damaged, so it was not changed; fix or delete it.", e);
            }
            if (value == null) {
                settings.remove(key);
            } else {
                settings.put(key, value);
            }
            write(settings);
        }
    }

    private ObjectNode readOrDefaults() {
        try {
            return parse();
        } catch (DamagedSettings e) {
            if (LOGGED.putIfAbsent(file.toAbsolutePath().normalize(), Boolean.TRUE) == null) {
                LOG.warn("{} ({})", e.getMessage(), e.getCause() == null ? "not a JSON object" : e.getCause().getMessage());
            }
            return mapper.createObjectNode();
        }
    }

    private ObjectNode parse() throws DamagedSettings {
        if (!Files.exists(file)) {
            return mapper.createObjectNode();
        }
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            // parser detail (line, column, token) goes to the log, not into the sentence
            throw new DamagedSettings(file, e);
        }
        if (root == null || !root.isObject()) {
            throw new DamagedSettings(file, null);
        }
        return (ObjectNode) root;
    }

    private static final class DamagedSettings extends Exception {
        DamagedSettings(Path file, IOException cause) {
            super("Settings file " + file + " is damaged, so defaults are used; fix or delete it.", cause);
        }
    }

    /** Write-then-rename so a crash never leaves a half-written settings file. */
    private void write(ObjectNode settings) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            mapper.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), settings);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save settings to " + file + ": " + e.getMessage(), e);
        }
    }
}
