package com.rolloutcontrolroom.services.environment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the login role of an environment could do beyond reading, one sentence per finding, and the
 * SQL that creates a role that cannot ({@code /sql/read-only-role.sql}, filled in for this database).
 *
 * @param schema the schema {@code observability_events} resolves to for this role ({@code public} when it does not)
 */
public record RoleFindings(String role, String database, String schema, List<String> warnings) {

    public RoleFindings {
        warnings = List.copyOf(warnings);
    }

    public static RoleFindings none() {
        return new RoleFindings("", "", "public", List.of());
    }

    public boolean clean() {
        return warnings.isEmpty();
    }

    /** The SQL that creates the recommended read-only role, with this database and schema filled in. */
    public String recommendedRoleSql() {
        try (InputStream in = RoleFindings.class.getResourceAsStream("/sql/read-only-role.sql")) {
            if (in == null) {
                throw new IllegalStateException("Missing from the build: /sql/read-only-role.sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{database}}", identifier(database)).replace("{{schema}}", identifier(schema)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sentence that refuses queries when the profile requires a read-only role. */
    public String refusal(String environment) {
        return "Environment " + environment + " requires a read-only role, and " + warnings.get(0)
                + " Connect as a read-only role (control-room env test " + environment + " prints the SQL that creates one).";
    }

    private static String identifier(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
