package com.rolloutcontrolroom.domain.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The queries the app can run: the defaults plus the user's own files, names unique across all. */
public record QuerySet(List<QueryDefinition> queries) {

    public QuerySet {
        queries = List.copyOf(queries);
    }

    public List<QueryDefinition> suite(QuerySuite suite) {
        return queries.stream().filter(q -> q.suite() == suite).toList();
    }

    public Optional<QueryDefinition> byName(String name) {
        return queries.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /**
     * This set plus more queries. A name already taken is refused with the place it was taken,
     * except a metric definition: a metric entry with the same name replaces the one here, which
     * is how a team edits how a rate is computed (e.g. what counts as a manual review).
     */
    public QuerySet plus(List<QueryDefinition> more) {
        List<QueryFileProblem> problems = new ArrayList<>();
        List<QueryDefinition> all = new ArrayList<>(queries);
        for (QueryDefinition query : more) {
            Optional<QueryDefinition> existing = byName(query.name());
            if (existing.isEmpty()) {
                all.add(query);
            } else if (existing.get().suite() == QuerySuite.METRIC && query.suite() == QuerySuite.METRIC) {
                all.set(all.indexOf(existing.get()), query);
            } else {
                problems.add(new QueryFileProblem(query.sourceFile(), query.line(), "the name '" + query.name()
                        + "' is already used by " + existing.get().sourceFile() + "; rename the query."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidQueryFileException(problems);
        }
        return new QuerySet(all);
    }
}
