package com.rolloutcontrolroom.ui.queries;

import com.rolloutcontrolroom.domain.query.QueryDefinition;

/**
 * One row of the query list: either the heading of a suite or a query under it. A heading is not a
 * query, so selecting it selects nothing.
 */
public record QueryListItem(String heading, QueryDefinition query) {

    static QueryListItem heading(String text) {
        return new QueryListItem(text, null);
    }

    static QueryListItem of(QueryDefinition query) {
        return new QueryListItem(null, query);
    }

    public boolean isHeading() {
        return query == null;
    }

    /** Metric definitions run with every suite but are not a suite of their own; the list says so. */
    public boolean isMetric() {
        return query != null && query.suite() == com.rolloutcontrolroom.domain.query.QuerySuite.METRIC;
    }
}
