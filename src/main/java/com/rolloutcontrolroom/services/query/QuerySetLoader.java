package com.rolloutcontrolroom.services.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.rolloutcontrolroom.domain.query.InvalidQueryFileException;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QueryFileProblem;
import com.rolloutcontrolroom.domain.query.QueryOrigin;
import com.rolloutcontrolroom.domain.query.QuerySet;

/**
 * The query set: the built-in files (the runbook's queries and the metric definitions) plus every
 * {@code *.sql} the user added to the data folder's {@code queries/}. A broken user file is
 * reported and left out; the built-in queries always load.
 */
public final class QuerySetLoader {

    private static final List<String> BUILT_IN = List.of("observability-queries.sql", "metrics.sql");

    private final QueryFileParser parser;
    private final Path userFolder;

    public QuerySetLoader(QueryFileParser parser, Path userFolder) {
        this.parser = parser;
        this.userFolder = userFolder;
    }

    /** Only the queries shipped in the app (class-path resources, like FXML): never broken by a user file. */
    public static QuerySet builtIn(QueryFileParser parser) {
        QuerySet set = new QuerySet(List.of());
        for (String file : BUILT_IN) {
            set = set.plus(parser.parse(file, builtInText(file), QueryOrigin.BUILT_IN));
        }
        return set;
    }

    public Loaded load() {
        QuerySet set = builtIn(parser);
        List<QueryFileProblem> problems = new ArrayList<>();
        for (Path file : userFiles()) {
            try {
                set = set.plus(parser.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (InvalidQueryFileException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                problems.add(new QueryFileProblem(file.getFileName().toString(), 0, "cannot be read: " + e.getMessage()));
            }
        }
        return new Loaded(set, problems);
    }

    /**
     * Validates a file against the current set and, if it is fine, copies it into the data folder
     * so it loads on every start.
     *
     * @throws InvalidQueryFileException naming file and line of each problem
     */
    public List<QueryDefinition> addUserFile(QuerySet current, Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!name.endsWith(".sql")) {
            throw new IllegalArgumentException(name + " is not a .sql file; query files end in .sql.");
        }
        if (Files.exists(userFolder.resolve(name))) {
            throw new IllegalArgumentException("A query file named " + name + " was already added; rename the file to add it too.");
        }
        List<QueryDefinition> queries = parser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
        current.plus(queries);
        Files.createDirectories(userFolder);
        Files.copy(file, userFolder.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        return queries;
    }

    private List<Path> userFiles() {
        if (!Files.isDirectory(userFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(userFolder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String builtInText(String file) {
        try (InputStream in = QuerySetLoader.class.getResourceAsStream("/queries/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Query file missing from the build: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The set that loaded and what was wrong with the user files that did not. */
    public record Loaded(QuerySet querySet, List<QueryFileProblem> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }
    }
}
