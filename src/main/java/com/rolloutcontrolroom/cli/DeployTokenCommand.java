package com.rolloutcontrolroom.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code control-room deploy-token set|status|remove}: the Vercel token deploys and rollbacks give the CLI.
 * Read from standard input, kept in the OS keychain, handed only to the CLI's environment; never shown.
 */
@Command(name = "deploy-token", mixinStandardHelpOptions = true,
        description = "The Vercel token for deploy and rollback, kept in the OS keychain (optional: without one the CLI uses"
                + " its own `vercel login`).")
final class DeployTokenCommand implements Callable<Integer> {

    private static final String WHERE = "the OS keychain (" + CredentialKey.vercelToken().describe() + ")";

    @Spec CommandSpec spec;

    static CommandLine commandLine(CredentialStore credentials, InputStream stdin) {
        CommandLine token = new CommandLine(new DeployTokenCommand());
        token.addSubcommand(new Set(credentials, stdin));
        token.addSubcommand(new Status(credentials));
        token.addSubcommand(new Remove(credentials));
        return token;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand: set, status or remove.");
    }

    private static Optional<char[]> stored(CredentialStore credentials) {
        try {
            return credentials.read(CredentialKey.vercelToken());
        } catch (CredentialException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Read the token from the first line of standard input (never an argument) into the OS keychain.")
    static final class Set implements Callable<Integer> {
        private final CredentialStore credentials;
        private final InputStream stdin;
        @Spec CommandSpec spec;

        Set(CredentialStore credentials, InputStream stdin) {
            this.credentials = credentials;
            this.stdin = stdin;
        }

        @Override
        public Integer call() throws IOException {
            char[] token = firstLine(stdin);
            try {
                if (token.length == 0) {
                    throw new IllegalArgumentException("Standard input was empty; pipe in the Vercel token, e.g. from your"
                            + " password manager's CLI.");
                }
                credentials.store(CredentialKey.vercelToken(), token);
            } catch (CredentialException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } finally {
                Arrays.fill(token, '\0');
            }
            spec.commandLine().getOut().println("The Vercel token is in " + WHERE + "; deploy and rollback give it to the CLI"
                    + " in its environment only.");
            return 0;
        }

        private static char[] firstLine(InputStream in) throws IOException {
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            StringBuilder line = new StringBuilder();
            for (int c = reader.read(); c != -1 && c != '\n'; c = reader.read()) {
                line.append((char) c);
            }
            char[] chars = line.toString().strip().toCharArray();
            line.setLength(0);
            return chars;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether a token is stored (never the token).")
    static final class Status implements Callable<Integer> {
        private final CredentialStore credentials;
        @Spec CommandSpec spec;

        Status(CredentialStore credentials) {
            this.credentials = credentials;
        }

        @Override
        public Integer call() {
            Optional<char[]> token = stored(credentials);
            token.ifPresent(chars -> Arrays.fill(chars, '\0'));
            spec.commandLine().getOut().println(token.isPresent()
                    ? "A Vercel token is stored in " + WHERE + "; it is never shown."
                    : "No Vercel token is stored; the CLI uses its own login (or pipe one into control-room deploy-token set).");
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the Vercel token from the OS keychain.")
    static final class Remove implements Callable<Integer> {
        private final CredentialStore credentials;
        @Spec CommandSpec spec;

        Remove(CredentialStore credentials) {
            this.credentials = credentials;
        }

        @Override
        public Integer call() {
            try {
                credentials.delete(CredentialKey.vercelToken());
            } catch (CredentialException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            spec.commandLine().getOut().println("No Vercel token is stored now; the CLI uses its own login.");
            return 0;
        }
    }
}
