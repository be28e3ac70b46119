package com.rolloutcontrolroom.domain.query;

/** One thing wrong in a query file, with the place to fix it. */
public record QueryFileProblem(String file, int line, String message) {

    /** "custom.sql line 12: query 'x' uses :foo, which is not declared; add ..." */
    public String describe() {
        return file + " line " + line + ": " + message;
    }
}
