package com.rolloutcontrolroom.domain.query;

import java.util.List;

/** A query file that cannot be used; the message names the first problem, all are listed. */
public final class InvalidQueryFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<QueryFileProblem> problems;

    public InvalidQueryFileException(List<QueryFileProblem> problems) {
        super(problems.get(0).describe() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<QueryFileProblem> problems() {
        return problems;
    }
}
