package com.rolloutcontrolroom.domain.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a read-only transaction does not stop, refused from the SQL text alone: a statement that is
 * not a plain read ({@code COPY}, {@code DO}, {@code CALL}, {@code SET} ...), and calls of the
 * functions that act outside the transaction or change the session (dblink, large objects, other
 * sessions, server files, advisory locks, {@code set_config}, sequences, SQL run from a string).
 * Names are matched whatever their case, quoting or schema. Used when a query file loads and again
 * just before a query runs, so a query that reached the runner some other way is refused too.
 */
public final class ReadOnlySqlCheck {

    private static final Set<String> READ_STATEMENTS = Set.of("select", "with", "values", "table");

    private static final List<DeniedFamily> DENIED = List.of(
            new DeniedFamily(name -> name.startsWith("dblink") || name.startsWith("postgres_fdw"),
                    "opens its own connection, outside the read-only transaction"),
            new DeniedFamily(name -> name.startsWith("lo_") || name.equals("loread") || name.equals("lowrite"),
                    "reads or writes large objects, which live outside the queried tables"),
            new DeniedFamily(name -> Set.of("pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile",
                            "pg_rotate_logfile_old", "pg_switch_wal", "pg_switch_xlog", "pg_create_restore_point", "pg_promote",
                            "pg_log_backend_memory_contexts", "pg_start_backup", "pg_stop_backup", "pg_backup_start",
                            "pg_backup_stop", "pg_import_system_collations", "pg_sync_replication_slots",
                            "pg_drop_replication_slot", "pg_replication_slot_advance").contains(name)
                    || name.startsWith("pg_create_") || name.startsWith("pg_copy_") || name.startsWith("pg_logical_")
                    || name.startsWith("pg_replication_origin_") || name.startsWith("pg_stat_reset")
                    || name.startsWith("pg_wal_replay_") || name.startsWith("pg_xlog_replay_"),
                    "acts on the server or on other sessions"),
            new DeniedFamily(name -> name.equals("set_config"), "changes the session's settings"),
            new DeniedFamily(name -> name.startsWith("pg_advisory_") || name.startsWith("pg_try_advisory_"),
                    "takes or releases an advisory lock, which can outlive the query"),
            new DeniedFamily(name -> Set.of("pg_read_file", "pg_read_binary_file", "pg_stat_file", "pg_logdir_ls",
                            "pg_current_logfile").contains(name) || name.startsWith("pg_ls_") || name.startsWith("pg_file_"),
                    "reads the database server's files"),
            new DeniedFamily(name -> name.equals("pg_notify"), "sends a notification to other sessions"),
            new DeniedFamily(name -> name.equals("nextval") || name.equals("setval"),
                    "changes a sequence, which no rollback undoes"),
            new DeniedFamily(name -> name.startsWith("query_to_xml") || name.startsWith("cursor_to_xml")
                            || name.equals("ts_stat"),
                    "runs SQL written in a string, which this check cannot read"));

    private ReadOnlySqlCheck() {
    }

    /** @return each reason to refuse the SQL, in the order of the text; empty when it may run */
    public static List<Refusal> refusals(String sql) {
        List<Refusal> refusals = new ArrayList<>();
        List<SqlToken> tokens = CalledName.significant(SqlLexer.tokens(sql));
        statementKind(tokens).ifPresent(refusals::add);
        for (SqlToken token : tokens) {
            if (token.kind() == SqlToken.Kind.UNICODE_IDENTIFIER) {
                refusals.add(new Refusal(token.start(), "writes an identifier with Unicode escapes (" + token.text()
                        + "), which this check cannot read; write the name plainly"));
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (!token.isIdentifier() || !tokens.get(i + 1).isSymbol('(')) {
                continue;
            }
            boolean qualified = i > 1 && tokens.get(i - 1).isSymbol('.') && tokens.get(i - 2).isIdentifier();
            String schema = qualified ? tokens.get(i - 2).name() : null;
            String shown = qualified ? schema + "." + token.name() : token.name();
            String name = token.name().toLowerCase(Locale.ROOT);
            Optional<DeniedFamily> denied = DENIED.stream().filter(family -> family.matches().test(name)).findFirst();
            if (denied.isPresent()) {
                refusals.add(new Refusal(token.start(), "calls " + shown + ", which " + denied.get().why()
                        + "; queries may only read, so remove the call"));
            } else if (token.kind() != SqlToken.Kind.UNICODE_IDENTIFIER && !isBuiltInCall(token, schema)
                    && !notACall(tokens, qualified ? i - 2 : i, i)) {
                refusals.add(new Refusal(token.start(), "calls " + shown + ", which is not one of PostgreSQL's built-in functions;"
                        + " a query may call only those, whose effects are known"));
            }
        }
        return refusals;
    }

    private static boolean isBuiltInCall(SqlToken name, String schema) {
        boolean builtInSchema = schema == null || schema.equals("pg_catalog");
        return builtInSchema && (PostgresBuiltIns.isFunction(name.name())
                || name.kind() == SqlToken.Kind.WORD && PostgresBuiltIns.isKeyWord(name.text()));
    }

    /**
     * A name before {@code (} that PostgreSQL does not read as a call: a column list of an alias
     * ({@code AS g(n)}, {@code generate_series(1, 3) g(n)}, {@code observability_events e(a)}), of a
     * WITH query ({@code WITH w(n) AS (...)}) or of an {@code INSERT INTO t (...)} (refused anyway).
     * Only spares a name from the built-in list; the calls denied above are refused wherever they
     * stand, and the run-time check reads every name.
     *
     * @param first the name's first token (its schema, when qualified)
     * @param name  the name's own token, before the parenthesis
     */
    private static boolean notACall(List<SqlToken> tokens, int first, int name) {
        if (first == 0) {
            return false;
        }
        SqlToken before = tokens.get(first - 1);
        if (before.isWord("as") || before.isWord("into") || before.isSymbol(')')
                || before.isIdentifier() && !(before.kind() == SqlToken.Kind.WORD && PostgresBuiltIns.isKeyWord(before.text()))) {
            return true;
        }
        if (before.isWord("with") || before.isWord("recursive") || before.isSymbol(',')) {
            int after = matchingParenthesis(tokens, name + 1) + 1;
            return after + 1 < tokens.size() && tokens.get(after).isWord("as")
                    && (tokens.get(after + 1).isSymbol('(') || tokens.get(after + 1).isWord("materialized")
                    || tokens.get(after + 1).isWord("not"));
        }
        return false;
    }

    private static int matchingParenthesis(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol('(')) {
                depth++;
            } else if (tokens.get(i).isSymbol(')') && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    /** Only a read: SELECT, WITH, VALUES or TABLE, possibly in parentheses. */
    private static Optional<Refusal> statementKind(List<SqlToken> tokens) {
        int first = 0;
        while (first < tokens.size() && tokens.get(first).isSymbol('(')) {
            first++;
        }
        if (first == tokens.size()) {
            return Optional.of(new Refusal(0, "holds no statement, only comments; write a SELECT"));
        }
        SqlToken keyword = tokens.get(first);
        if (keyword.kind() == SqlToken.Kind.WORD && READ_STATEMENTS.contains(keyword.name())) {
            return Optional.empty();
        }
        String shown = keyword.kind() == SqlToken.Kind.WORD ? keyword.text().toUpperCase(Locale.ROOT) : keyword.text();
        return Optional.of(new Refusal(keyword.start(), "is a " + shown + " statement, and only SELECT, WITH, VALUES"
                + " or TABLE may run; write the query as a SELECT"));
    }

    /**
     * @param offset   where in the SQL text the reason starts
     * @param sentence the end of a sentence that starts with the query's name, e.g. "calls dblink_exec, which ..."
     */
    public record Refusal(int offset, String sentence) {
    }

    private record DeniedFamily(Predicate<String> matches, String why) {
    }
}
