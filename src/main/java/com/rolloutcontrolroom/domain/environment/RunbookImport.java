package com.rolloutcontrolroom.domain.environment;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pasted connection string or runbook snippet says: a {@code postgresql://} URL (or pgJDBC's
 * {@code jdbc:postgresql://...?user=...&password=...}), alone or in the seeds' form ({@code export PGPASSWORD='...'} then {@code psql "postgresql://..."}). The
 * password is handed over as a {@code char[]} for the credential store and never appears in
 * {@link #toString()}.
 */
public final class RunbookImport {

    private static final Pattern URL = Pattern.compile("postgres(?:ql)?://[^\\s'\"]+");
    private static final Pattern PGPASSWORD = Pattern.compile(
            "(?m)^\\s*(?:export\\s+)?PGPASSWORD=(?:'([^']*)'|\"([^\"]*)\"|(\\S+))");

    private final EnvironmentProfile profile;
    private final char[] password;
    private final boolean heldPlaintextSecret;

    private RunbookImport(EnvironmentProfile profile, char[] password, boolean heldPlaintextSecret) {
        this.profile = profile;
        this.password = password;
        this.heldPlaintextSecret = heldPlaintextSecret;
    }

    /**
     * @param name the environment the text is imported into
     * @throws IllegalArgumentException with one sentence when the text holds no usable URL
     */
    public static RunbookImport parse(String name, String text) {
        String source = text == null ? "" : text;
        Matcher url = URL.matcher(source);
        if (!url.find()) {
            throw new IllegalArgumentException("No postgresql:// URL found in the pasted text; paste a URL such as "
                    + "postgresql://user@db.example.com:5432/postgres or the runbook's psql line.");
        }
        // pgJDBC's form takes no USER:PASSWORD@, only ?user=...&password=...: an '@' there is part of a parameter
        boolean jdbc = source.startsWith("jdbc:", url.start() - "jdbc:".length());
        ParsedUrl parsed = ParsedUrl.of(url.group(), jdbc);
        Optional<String> exported = exportedPassword(source);
        // like psql: a password in the URL wins over PGPASSWORD
        String secret = parsed.password != null ? parsed.password : exported.orElse(null);
        EnvironmentProfile profile = new EnvironmentProfile(name, parsed.host, parsed.port, parsed.database, parsed.user,
                parsed.sslMode, parsed.rootCert, EnvironmentProfile.DEFAULT_STATEMENT_TIMEOUT);
        return new RunbookImport(profile, secret == null ? new char[0] : secret.toCharArray(), secret != null);
    }

    public EnvironmentProfile profile() {
        return profile;
    }

    /** A copy: the caller stores it and wipes it; {@link #wipe()} clears this one. */
    public char[] password() {
        return password.clone();
    }

    public boolean hasPassword() {
        return password.length > 0;
    }

    /** True when the text carried a password in plain text (URL or PGPASSWORD): tell the user. */
    public boolean heldPlaintextSecret() {
        return heldPlaintextSecret;
    }

    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "RunbookImport[" + profile.describe() + ", password " + (hasPassword() ? "present" : "absent") + "]";
    }

    private static Optional<String> exportedPassword(String text) {
        Matcher matcher = PGPASSWORD.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        for (int group = 1; group <= 3; group++) {
            if (matcher.group(group) != null) {
                return Optional.of(matcher.group(group));
            }
        }
        return Optional.empty();
    }

    private record ParsedUrl(String user, String password, String host, int port, String database,
                             SslMode sslMode, String rootCert) {

        static ParsedUrl of(String url, boolean jdbc) {
            String rest = url.substring(url.indexOf("://") + 3);
            String user = "";
            String password = null;
            // a password may hold '?', '/', '#' or '@' unencoded: split the user info off first, at the
            // '@' that is followed by a host, so no part of the password is ever parsed (or quoted) as one
            int at = jdbc ? -1 : userInfoEnd(rest);
            if (at >= 0) {
                String userInfo = rest.substring(0, at);
                rest = rest.substring(at + 1);
                int colon = userInfo.indexOf(':');
                user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, "user name");
                password = colon >= 0 ? decode(userInfo.substring(colon + 1), "password") : null;
            }
            String query = "";
            int questionMark = rest.indexOf('?');
            if (questionMark >= 0) {
                query = rest.substring(questionMark + 1);
                rest = rest.substring(0, questionMark);
            }
            int slash = rest.indexOf('/');
            String hostPort = slash >= 0 ? rest.substring(0, slash) : rest;
            String database = slash >= 0 ? decode(rest.substring(slash + 1), "database name") : "";
            String host = hostPort;
            int port = EnvironmentProfile.DEFAULT_PORT;
            int portColon = hostPort.lastIndexOf(':');
            if (portColon >= 0 && !hostPort.endsWith("]")) {
                host = hostPort.substring(0, portColon);
                port = parsePort(hostPort.substring(portColon + 1));
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            Map<String, String> parameters = parameters(query);
            // libpq and pgJDBC both take these as parameters too; pgJDBC takes them only that way
            if (user.isEmpty()) {
                user = parameters.getOrDefault("user", "");
            }
            if (parameters.containsKey("password")) {
                if (password != null) {
                    throw new IllegalArgumentException("The URL holds two passwords (USER:PASSWORD@ and password=); keep one, or better"
                            + " neither and give it separately.");
                }
                password = parameters.get("password");
            }
            if (database.isEmpty()) {
                database = parameters.getOrDefault("dbname", "");
            }
            if (database.isEmpty()) {
                // libpq would silently use the user name, which names the wrong database more often than not
                throw new IllegalArgumentException("The URL names no database; add it after the host and port,"
                        + " e.g. postgresql://user@db.example.com:5432/postgres.");
            }
            SslMode sslMode = parameters.containsKey("sslmode") ? SslMode.parse(parameters.get("sslmode")) : SslMode.DEFAULT;
            String rootCert = parameters.getOrDefault("sslrootcert", "");
            return new ParsedUrl(user, password, host, port, database, sslMode, rootCert);
        }

        private static int parsePort(String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The port \"" + text + "\" in the URL is not a number; write it like host:5432.");
            }
        }

        private static Map<String, String> parameters(String query) {
            Map<String, String> parameters = new HashMap<>();
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(decode(pair.substring(0, equals), "query"), decode(pair.substring(equals + 1), "query"));
                }
            }
            return parameters;
        }

        // libpq URLs percent-encode; '+' is a literal plus there, not a space as in HTML forms
        private static final java.util.regex.Pattern HOST_PORT =
                java.util.regex.Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]*)?");

        /** Index of the '@' that ends the user info, or -1: preferably the last '@' followed by something shaped like host[:port]. */
        private static int userInfoEnd(String rest) {
            for (int at = rest.lastIndexOf('@'); at >= 0; at = rest.lastIndexOf('@', at - 1)) {
                String after = rest.substring(at + 1);
                int end = after.length();
                for (char stop : new char[] {'/', '?'}) {
                    int index = after.indexOf(stop);
                    if (index >= 0) {
                        end = Math.min(end, index);
                    }
                }
                if (HOST_PORT.matcher(after.substring(0, end)).matches()) {
                    return at;
                }
                if (at == 0) {
                    break;
                }
            }
            // nothing after an '@' looks like a host: still keep everything before the last '@' out of the host
            return rest.lastIndexOf('@');
        }

        /** Never quotes the text: it may be (part of) a password. */
        private static String decode(String text, String part) {
            try {
                return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The " + part + " in the URL holds a % that does not start an escape like %40;"
                        + " write a literal % as %25.");
            }
        }

        @Override
        public String toString() {
            return "ParsedUrl[" + user + "@" + host + ":" + port + "/" + database + "]";
        }
    }
}
