package com.rolloutcontrolroom.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.RunbookImport;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.environment.ConnectionCheck;
import com.rolloutcontrolroom.services.environment.ConnectionTester;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.SuiteRunner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code control-room env add|list|test|remove}: environment profiles, passwords in the OS keychain. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Environment profiles: connections whose passwords live in the OS keychain, never in a file.")
final class EnvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** @param userQueries the user's query folder: the index advice is for the suite a run would send */
    static CommandLine commandLine(EnvironmentProfiles profiles, CredentialStore credentials, InputStream stdin, Path userQueries) {
        CommandLine env = new CommandLine(new EnvCommand());
        env.addSubcommand(new Add(profiles, credentials, stdin));
        env.addSubcommand(new ListProfiles(profiles));
        env.addSubcommand(new Test(profiles, new ConnectionTester(credentials), userQueries));
        env.addSubcommand(new Remove(profiles, credentials));
        return env;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand: add, list, test or remove.");
    }

    private static EnvironmentProfile existing(EnvironmentProfiles profiles, String name) {
        return profiles.find(name).orElseThrow(() -> new IllegalArgumentException(
                "No environment named " + name + "; run control-room env list to see the names."));
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an environment (--replace to replace one); a password in the URL or on stdin goes to the OS keychain.")
    static final class Add implements Callable<Integer> {
        private final EnvironmentProfiles profiles;
        private final CredentialStore credentials;
        private final InputStream stdin;

        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", description = "Environment name, e.g. staging.") String name;
        @Option(names = "--url", required = true, paramLabel = "postgresql://USER@HOST:PORT/DB[?sslmode=...&sslrootcert=...]",
                description = "Where the database is. A password written in it (USER:PASSWORD@HOST) is moved to the keychain;"
                        + " prefer --password-stdin.") String url;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.") boolean passwordStdin;
        @Option(names = "--replace", description = "Replace the environment of that name if there is one.") boolean replace;
        // retired: accepted so existing scripts keep working, hidden from the help, ignored with a note
        @Option(names = "--pooler", hidden = true, paramLabel = "MODE") String pooler;
        @Option(names = "--statement-timeout", paramLabel = "SECONDS", description = "Statement timeout (default: 30).") Integer timeoutSeconds;
        @Option(names = "--require-read-only-role", description = "Treat a role that can write or act outside the read-only"
                + " transaction as an error: env test exits 1 and no query runs.") boolean requireReadOnlyRole;

        Add(EnvironmentProfiles profiles, CredentialStore credentials, InputStream stdin) {
            this.profiles = profiles;
            this.credentials = credentials;
            this.stdin = stdin;
        }

        @Override
        public Integer call() throws IOException {
            RunbookImport parsed = RunbookImport.parse(name, url);
            EnvironmentProfile base = parsed.profile();
            EnvironmentProfile profile = new EnvironmentProfile(base.name(), base.host(), base.port(), base.database(), base.user(),
                    base.sslMode(), base.rootCertPath(),
                    timeoutSeconds != null ? Duration.ofSeconds(timeoutSeconds) : base.statementTimeout(), requireReadOnlyRole);
            if (passwordStdin && parsed.hasPassword()) {
                parsed.wipe();
                // which one was meant cannot be told, and taking either silently stores a password nobody checked
                throw new IllegalArgumentException("The password was given twice, in the URL and on --password-stdin;"
                        + " remove it from the URL and give it on --password-stdin only.");
            }
            boolean replaced = profiles.find(name).isPresent();
            if (replaced && !replace) {
                parsed.wipe();
                throw new IllegalArgumentException("Environment " + name + " exists already; add --replace to replace it, or choose another name.");
            }
            char[] password = passwordStdin ? firstLine(stdin) : parsed.password();
            parsed.wipe();
            boolean stored = password.length > 0;
            try {
                if (stored) {
                    credentials.store(CredentialKey.forEnvironment(name), password);
                }
            } catch (CredentialException e) {
                throw new IllegalStateException(e.getMessage() + " Environment " + name + " was not added.", e);
            } finally {
                Arrays.fill(password, '\0');
            }
            profiles.save(profile);
            PrintWriter out = spec.commandLine().getOut();
            out.println((replaced ? "Replaced" : "Added") + " environment " + profile.describe() + ".");
            if (stored) {
                out.println("The password is in the OS keychain (" + CredentialKey.forEnvironment(name).describe() + ").");
            } else if (replaced) {
                out.println("No password was given, so a password stored earlier for " + name + " is kept.");
            } else {
                // no keychain is needed for a server that asks for no password (trust, peer or certificate authentication)
                out.println("No password was given; if the server asks for one, run env add " + name + " --replace with --password-stdin.");
            }
            if (pooler != null) {
                spec.commandLine().getErr().println("Note: --pooler is no longer needed and was ignored: every connection is safe behind a"
                        + " transaction pooler.");
            }
            if (parsed.heldPlaintextSecret()) {
                spec.commandLine().getErr().println("Warning: the URL held a plaintext password; it is now only in the OS keychain, "
                        + "so remove it from your shell history and runbooks and use --password-stdin next time.");
            }
            return 0;
        }

        private static char[] firstLine(InputStream in) throws IOException {
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            char[] buffer = new char[256];
            int length = 0;
            for (int c = reader.read(); c != -1 && c != '\n'; c = reader.read()) {
                if (length == buffer.length) {
                    char[] grown = Arrays.copyOf(buffer, length * 2);
                    Arrays.fill(buffer, '\0');
                    buffer = grown;
                }
                buffer[length++] = (char) c;
            }
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            char[] line = Arrays.copyOf(buffer, length);
            Arrays.fill(buffer, '\0');
            if (line.length == 0) {
                throw new IllegalArgumentException("--password-stdin read an empty line; pipe the password in, e.g. from your password manager's CLI.");
            }
            return line;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the environments (never a password).")
    static final class ListProfiles implements Callable<Integer> {
        private final EnvironmentProfiles profiles;
        @Spec CommandSpec spec;

        ListProfiles(EnvironmentProfiles profiles) {
            this.profiles = profiles;
        }

        @Override
        public Integer call() {
            List<EnvironmentProfile> all = profiles.list();
            PrintWriter out = spec.commandLine().getOut();
            if (all.isEmpty()) {
                out.println("No environments yet; add one with control-room env add NAME --url postgresql://USER@HOST:PORT/DB --password-stdin.");
            }
            all.forEach(profile -> out.println(profile.describe()));
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Connect read-only and report server version and latency, and warn about what the role could do beyond"
                    + " reading (with the SQL for a read-only role), and name the index the full suite's queries lack (with its"
                    + " CREATE INDEX CONCURRENTLY statement, which the app never runs); exit 1 with the reason if it fails, or if the environment"
                    + " requires a read-only role and the role is not one.")
    static final class Test implements Callable<Integer> {
        private final EnvironmentProfiles profiles;
        private final ConnectionTester tester;
        private final Path userQueries;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        Test(EnvironmentProfiles profiles, ConnectionTester tester, Path userQueries) {
            this.profiles = profiles;
            this.tester = tester;
            this.userQueries = userQueries;
        }

        @Override
        public Integer call() {
            EnvironmentProfile profile = existing(profiles, name);
            // the queries `run --suite full` would send: a query file that fails to load is reported by run, not here
            List<QueryDefinition> queries = SuiteRunner.queriesOf(new QuerySetLoader(new QueryFileParser(), userQueries).load().querySet(),
                    QuerySuite.FULL);
            ConnectionCheck check = tester.test(profile, queries);
            PrintWriter err = spec.commandLine().getErr();
            if (!check.connected()) {
                err.println("control-room: " + name + ": " + check.sentence());
                return 1;
            }
            spec.commandLine().getOut().println(name + ": " + check.sentence());
            check.indexAdvice().ifPresent(advice -> {
                spec.commandLine().getOut().println(name + ": advice: " + advice.sentence());
                spec.commandLine().getOut().println(advice.statement());
            });
            if (check.role().clean()) {
                return 0;
            }
            for (String warning : check.role().warnings()) {
                err.println("control-room: " + name + ": warning: " + warning);
            }
            if (!check.passed()) {
                err.println("control-room: " + name + ": " + check.role().refusal(name));
            }
            err.println("Create a read-only role with this SQL:");
            err.println(check.role().recommendedRoleSql());
            return check.passed() ? 0 : 1;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an environment and its keychain item.")
    static final class Remove implements Callable<Integer> {
        private final EnvironmentProfiles profiles;
        private final CredentialStore credentials;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        Remove(EnvironmentProfiles profiles, CredentialStore credentials) {
            this.profiles = profiles;
            this.credentials = credentials;
        }

        @Override
        public Integer call() {
            existing(profiles, name);
            profiles.remove(name);
            try {
                credentials.delete(CredentialKey.forEnvironment(name));
            } catch (CredentialException e) {
                throw new IllegalStateException("Removed environment " + name + " but not its keychain item: " + e.getMessage(), e);
            }
            spec.commandLine().getOut().println("Removed environment " + name + " and its password from the OS keychain.");
            return 0;
        }
    }
}
