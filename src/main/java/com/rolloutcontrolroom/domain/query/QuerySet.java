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

    /** This set plus more queries; a name already taken is refused with the place it was taken. */
    public QuerySet plus(List<QueryDefinition> more) {
        List<QueryFileProblem> problems = new ArrayList<>();
        for (QueryDefinition query : more) {
            byName(query.name()).ifPresent(existing -> problems.add(new QueryFileProblem(query.sourceFile(), query.line(),
                    "the name '" + query.name() + "' is already used by " + existing.sourceFile() + "; rename the query.")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidQueryFileException(problems);
        }
        List<QueryDefinition> all = new ArrayList<>(queries);
        all.addAll(more);
        return new QuerySet(all);
    }
}
