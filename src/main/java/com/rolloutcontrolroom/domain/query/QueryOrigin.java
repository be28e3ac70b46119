package com.rolloutcontrolroom.domain.query;

/**
 * Where a query's SQL was written. Only the app's own files are trusted: anything else (a file in
 * the data folder's {@code queries/}, a definition built some other way) is checked again before
 * it runs and never leaves its connection to a later query.
 */
public enum QueryOrigin {
    /** shipped inside the app (class-path resources) */
    BUILT_IN,
    /** everything else */
    USER
}
