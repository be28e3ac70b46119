package com.rolloutcontrolroom.services.rollout;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.rolloutcontrolroom.domain.rollout.PlanFormatException;
import com.rolloutcontrolroom.domain.rollout.PlanTree;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rollout plan as a JSON file (docs/plan-format.md): the tree of {@link PlanTree}, so a file written
 * here reads back to the same plan and is the same shape the journal hashes. Every problem is one
 * sentence with the file name and the JSON path of the value to fix.
 */
public final class PlanFile {

    // duplicate keys would silently keep the last value; a repeated "checklist" must not drop the first one
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    // "\n" whatever the OS, so the same plan is the same bytes on every machine
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private PlanFile() {
    }

    /** @throws PlanFileException when the file cannot be read or is not a usable plan */
    public static RolloutPlan read(Path file) {
        String name = nameOf(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PlanFileException(name, null, "Plan file " + name + " does not exist; check the name and folder.", e);
        } catch (IOException e) {
            throw new PlanFileException(name, null, "Plan file " + name + " cannot be read (" + e.getClass().getSimpleName()
                    + "); check that it is a file you may read.", e);
        }
        return read(bytes, name);
    }

    /** Reads plan text that has a name but no path of its own (the built-in template). */
    public static RolloutPlan read(byte[] json, String name) {
        if (new String(json, StandardCharsets.UTF_8).isBlank()) {
            throw new PlanFileException(name, null, "Plan file " + name + " is empty; start from the template"
                    + " (docs/plan-format.md says how).", null);
        }
        Object root;
        try {
            root = MAPPER.readValue(json, Object.class);
        } catch (StreamReadException e) {
            throw notJson(name, e, e.getLocation(), e.getProcessor() == null ? null : e.getProcessor().getParsingContext());
        } catch (JsonProcessingException e) {
            throw notJson(name, e, e.getLocation(), null);
        } catch (IOException e) {
            throw new PlanFileException(name, null, "Plan file " + name + " cannot be read (" + e.getClass().getSimpleName() + ").", e);
        }
        if (!(root instanceof Map<?, ?> tree)) {
            throw new PlanFileException(name, null, "Plan file " + name + " holds " + describe(root)
                    + ", not a plan; a plan is one object in curly braces.", null);
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, ?> plan = (Map<String, ?>) tree;
            return PlanTree.read(plan);
        } catch (PlanFormatException e) {
            throw new PlanFileException(name, e.path(), "In plan file " + name + ", " + e.path() + " " + e.reason() + ".", e);
        }
    }

    /** Writes the plan as pretty JSON, replacing the file whole or not at all. */
    public static void write(RolloutPlan plan, Path file) {
        String name = nameOf(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, name, ".tmp");
            try {
                Files.writeString(temp, text(plan), StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new PlanFileException(name, null, "Plan file " + name + " could not be written (" + e.getClass().getSimpleName()
                    + "); choose a folder you may write to.", e);
        }
    }

    /** The file's text: {@link PlanTree#write} as pretty JSON, ending in a newline. */
    public static String text(RolloutPlan plan) {
        try {
            return PRETTY.writeValueAsString(PlanTree.write(plan)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan tree holds only maps, lists, text and booleans", e);
        }
    }

    private static PlanFileException notJson(String name, JsonProcessingException e, JsonLocation location,
                                             JsonStreamContext context) {
        String where = location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String path = context == null ? null : pathOf(context);
        String original = e.getOriginalMessage();
        // Jackson's own sentence for this one names its Java binding, which means nothing to a release manager
        String detail = original != null && original.startsWith("Trailing token")
                ? "there is more after the plan's closing brace" : firstLine(original);
        return new PlanFileException(name, path, "Plan file " + name + " is not valid JSON" + where
                + (path == null ? "" : " (near " + path + ")") + ": " + detail + "; fix it there.", e);
    }

    /** Jackson's context as the plan's own paths write it: {@code phases[2].schedule}. */
    private static String pathOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? null : path;
    }

    private static String firstLine(String message) {
        String line = message == null ? "unexpected content" : message.lines().findFirst().orElse("unexpected content").strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static String describe(Object root) {
        if (root == null) {
            return "null";
        }
        if (root instanceof List<?>) {
            return "a list";
        }
        return root instanceof String ? "a piece of text" : "a single value";
    }

    private static String nameOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
