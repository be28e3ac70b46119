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

/**
 * Small user preferences in {@code settings.json} in the data folder. Never a secret: credentials
 * live in the OS keychain. Keys this class does not know are kept, so features can share the file.
 */
public final class SettingsFile {

    /**
     * Features make their own instance on the same file (theme, operator name); a per-file lock keeps one
     * feature's read-modify-write from overwriting another's key.
     */
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Object lock;
    private final ObjectMapper mapper = new ObjectMapper();

    public SettingsFile(Path file) {
        this.file = file;
        this.lock = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new Object());
    }

    public Optional<String> get(String key) {
        synchronized (lock) {
            JsonNode value = read().get(key);
            return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.textValue());
        }
    }

    public void set(String key, String value) {
        synchronized (lock) {
            ObjectNode settings = read();
            if (value == null) {
                settings.remove(key);
            } else {
                settings.put(key, value);
            }
            write(settings);
        }
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode root = mapper.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new IllegalStateException("Settings file " + file + " is not a JSON object; fix or delete it.");
            }
            return (ObjectNode) root;
        } catch (IOException e) {
            throw new UncheckedIOException("Settings file " + file + " cannot be read (" + e.getMessage()
                    + "); fix or delete it.", e);
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
