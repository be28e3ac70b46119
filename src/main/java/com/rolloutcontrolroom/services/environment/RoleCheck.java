package com.rolloutcontrolroom.services.environment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that asks PostgreSQL what the connected role could do besides reading: the
 * read-only transaction stops plain writes only, so a superuser, a member of the server-file and
 * program roles, write grants on the table the queries read, a usable dblink or foreign server,
 * or superuser-owned SECURITY DEFINER functions it may call each leave a way around it. Run it
 * inside a read-only transaction (it only reads the catalogs).
 */
public final class RoleCheck {

    /** Predefined roles that act outside the database's tables, and what each allows. */
    private static final Map<String, String> RISKY_ROLES = new LinkedHashMap<>();

    static {
        RISKY_ROLES.put("pg_execute_server_program", "can run programs on the database server");
        RISKY_ROLES.put("pg_write_server_files", "can write files on the database server");
        RISKY_ROLES.put("pg_read_server_files", "can read files on the database server");
        RISKY_ROLES.put("pg_signal_backend", "can cancel or end other sessions");
        RISKY_ROLES.put("pg_write_all_data", "can write every table");
    }

    private static final String ROLE = """
            SELECT r.rolname, r.rolsuper, r.rolcreaterole, r.rolreplication, pg_catalog.current_database(),
                   (SELECT n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.oid = pg_catalog.to_regclass('observability_events'))
            FROM pg_catalog.pg_roles r WHERE r.rolname = current_user""";

    private static final String MEMBERSHIPS = """
            SELECT g.rolname FROM pg_catalog.pg_roles g
            WHERE g.rolname = ANY (?) AND pg_catalog.pg_has_role(current_user, g.oid, 'USAGE')""";

    private static final String TABLE_WRITES = """
            SELECT string_agg(p, ', ' ORDER BY o) FROM unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) WITH ORDINALITY AS w(p, o)
            WHERE pg_catalog.to_regclass('observability_events') IS NOT NULL
              AND pg_catalog.has_table_privilege(pg_catalog.to_regclass('observability_events'), p)""";

    private static final String DBLINK = """
            SELECT n.nspname FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'dblink' AND EXISTS (SELECT 1 FROM pg_catalog.pg_proc p WHERE p.pronamespace = e.extnamespace
              AND p.proname IN ('dblink_exec', 'dblink', 'dblink_connect') AND pg_catalog.has_function_privilege(p.oid, 'EXECUTE'))""";

    private static final String FOREIGN_SERVERS = """
            SELECT 'server ' || s.srvname FROM pg_catalog.pg_foreign_server s WHERE pg_catalog.has_server_privilege(s.oid, 'USAGE')
            UNION ALL
            SELECT 'wrapper ' || w.fdwname FROM pg_catalog.pg_foreign_data_wrapper w
            WHERE pg_catalog.has_foreign_data_wrapper_privilege(w.oid, 'USAGE')""";

    private static final String DEFINERS = """
            SELECT n.nspname || '.' || p.proname FROM pg_catalog.pg_proc p
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_roles o ON o.oid = p.proowner
            WHERE p.prosecdef AND o.rolsuper AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND pg_catalog.has_function_privilege(p.oid, 'EXECUTE')
            ORDER BY 1""";

    /** Blocking: a few catalog reads on the given connection. */
    public RoleFindings check(Connection connection) throws SQLException {
        String role;
        String database;
        String schema;
        List<String> warnings = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(ROLE); ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return RoleFindings.none();
            }
            role = row.getString(1);
            database = row.getString(5);
            schema = row.getString(6) == null ? "public" : row.getString(6);
            if (row.getBoolean(2)) {
                warnings.add("role " + role + " is a superuser, so a query could run programs and write files on the database server"
                        + " whatever the transaction allows.");
                return new RoleFindings(role, database, schema, warnings); // a superuser can do all of the below
            }
            if (row.getBoolean(3)) {
                warnings.add("role " + role + " has CREATEROLE, so it can grant itself roles that write server files or run programs.");
            }
            if (row.getBoolean(4)) {
                warnings.add("role " + role + " has REPLICATION, so it can create replication slots that keep WAL on the server.");
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(MEMBERSHIPS)) {
            statement.setArray(1, connection.createArrayOf("text", RISKY_ROLES.keySet().toArray()));
            for (String granted : strings(statement)) {
                warnings.add("role " + role + " is a member of " + granted + ", so it " + RISKY_ROLES.get(granted) + ".");
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(TABLE_WRITES)) {
            strings(statement).stream().filter(java.util.Objects::nonNull).forEach(privileges -> warnings.add("role " + role
                    + " holds " + privileges + " on " + schema + ".observability_events, so the events it reports on could be changed"
                    + " with its credentials."));
        }
        try (PreparedStatement statement = connection.prepareStatement(DBLINK)) {
            for (String dblinkSchema : strings(statement)) {
                warnings.add("role " + role + " may call dblink (installed in schema " + dblinkSchema
                        + "), whose connections are not read-only.");
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(FOREIGN_SERVERS)) {
            for (String foreign : strings(statement)) {
                warnings.add("role " + role + " may use the foreign data " + foreign + ", which reaches outside this database.");
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(DEFINERS)) {
            List<String> definers = strings(statement);
            if (!definers.isEmpty()) {
                boolean one = definers.size() == 1;
                warnings.add("role " + role + " may call " + definers.size() + " SECURITY DEFINER function" + (one ? "" : "s")
                        + " owned by a superuser (" + String.join(", ", definers.subList(0, Math.min(5, definers.size())))
                        + (definers.size() > 5 ? ", ..." : "") + "), which run" + (one ? "s" : "") + " with the superuser's rights;"
                        + " the app refuses to call " + (one ? "it" : "them") + ", but a view or operator the role reads could.");
            }
        }
        return new RoleFindings(role, database, schema, warnings);
    }

    private static List<String> strings(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
