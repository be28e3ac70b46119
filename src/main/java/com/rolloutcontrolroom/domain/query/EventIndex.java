package com.rolloutcontrolroom.domain.query;

/**
 * One index of observability_events as the catalog describes it (pg_index, pg_attribute, pg_am).
 *
 * @param firstColumn the column of its first key; null when the first key is an expression
 * @param method      the access method: btree, brin, hash, gin, ...
 * @param valid       pg_index.indisvalid: false for an index a failed {@code CREATE INDEX CONCURRENTLY} left behind
 * @param ready       pg_index.indisready: false while a concurrent build has not reached its second phase
 * @param partial     true when it has a WHERE predicate, which a moving time window does not reliably imply
 */
public record EventIndex(String name, String firstColumn, String method, boolean valid, boolean ready, boolean partial) {

    /** Whether the planner can use it for a range on created_at over any window: valid, ready, whole-table, ordered or block-range, led by created_at. */
    public boolean servesTimeWindows() {
        return valid && ready && !partial && IndexAdvice.COLUMN.equals(firstColumn) && ("btree".equals(method) || "brin".equals(method));
    }

    /** Led by created_at but not usable because a concurrent build failed or has not finished: the planner ignores it. */
    public boolean leftInvalid() {
        return IndexAdvice.COLUMN.equals(firstColumn) && !(valid && ready);
    }
}
