package com.rolloutcontrolroom.services.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.query.CalledName;

/**
 * Resolves, in the query's own read-only transaction and so with its search path, every name a
 * user query may call against {@code pg_proc}, and refuses the query when a name can reach a
 * function PostgreSQL did not ship: one outside {@code pg_catalog} (a user's or an extension's),
 * one added to {@code pg_catalog} after initdb, or any {@code SECURITY DEFINER} function. Such a
 * function runs code this app cannot read, and a {@code SECURITY DEFINER} one runs it with its
 * owner's rights: a superuser's can {@code COPY ... TO PROGRAM} even inside a read-only transaction.
 * Conservative by design: an unqualified name is refused when any function of that name is
 * visible on the search path outside the built-ins, whichever overload PostgreSQL would pick.
 */
final class CalledFunctionCheck {

    /** PostgreSQL's FirstNormalObjectId: every object initdb creates has a lower OID. */
    private static final int FIRST_NORMAL_OID = 16_384;

    private static final String LOOKUP = """
            SELECT n.nspname, p.proname, p.prosecdef
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE (p.prosecdef OR n.nspname <> 'pg_catalog' OR p.oid >= %d)
              AND ((p.proname = ANY (?) AND n.nspname = ANY (pg_catalog.current_schemas(true)))
                OR (n.nspname || '.' || p.proname) = ANY (?)
                OR (n.oid = pg_catalog.pg_my_temp_schema() AND ('pg_temp.' || p.proname) = ANY (?)))
            ORDER BY n.nspname, p.proname
            LIMIT 1""".formatted(FIRST_NORMAL_OID);

    private CalledFunctionCheck() {
    }

    /** @return the sentence that refuses the query, or empty when every name it calls is one of PostgreSQL's own */
    static Optional<String> refusal(Connection connection, List<CalledName> calls) throws SQLException {
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        List<String> unqualified = new ArrayList<>();
        List<String> qualified = new ArrayList<>();
        for (CalledName call : calls) {
            if (call.schema() == null) {
                unqualified.add(call.name());
            } else {
                qualified.add(call.schema() + "." + call.name());
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(LOOKUP)) {
            statement.setArray(1, connection.createArrayOf("text", unqualified.toArray()));
            statement.setArray(2, connection.createArrayOf("text", qualified.toArray()));
            statement.setArray(3, connection.createArrayOf("text", qualified.toArray())); // pg_temp is an alias of the session's own
            try (ResultSet found = statement.executeQuery()) {
                if (!found.next()) {
                    return Optional.empty();
                }
                String function = found.getString(1) + "." + found.getString(2);
                return Optional.of(found.getBoolean(3)
                        ? "Refused: the query calls " + function + ", a SECURITY DEFINER function that runs with its owner's rights"
                                + " outside the read-only guarantee; call only PostgreSQL's built-in functions."
                        : "Refused: the query calls " + function + ", a function PostgreSQL does not ship (a user's or an extension's)"
                                + " whose effects the app cannot check; call only PostgreSQL's built-in functions.");
            }
        }
    }
}
