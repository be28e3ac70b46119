package com.rolloutcontrolroom.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.notify.WebhookDelivery;
import com.rolloutcontrolroom.services.notify.WebhookPoster;
import com.rolloutcontrolroom.services.notify.WebhookUrl;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code control-room notify webhook set|test|status|remove}: the webhook notices are posted to.
 * Its URL is a secret (Slack's carries the token in the path): it is read from standard input, kept
 * in the OS keychain, and never printed, not even its host.
 */
@Command(name = "notify", mixinStandardHelpOptions = true,
        description = "Notices about checkpoints and verdicts, posted to a chat webhook as well as shown in the app.")
final class NotifyCommand implements Callable<Integer> {

    static final String TEST_MESSAGE = "Rollout Control Room: a test message from control-room notify webhook test; notices about"
            + " checkpoints and verdicts will be posted here.";
    private static final String WHERE = "the OS keychain (" + CredentialKey.notifyWebhook().describe() + ")";

    @Spec
    CommandSpec spec;

    static CommandLine commandLine(CredentialStore credentials, InputStream stdin) {
        CommandLine webhook = new CommandLine(new Webhook());
        webhook.addSubcommand(new Set(credentials, stdin));
        webhook.addSubcommand(new Test(new WebhookPoster(credentials, WebhookPoster.DEFAULT_TIMEOUT)));
        webhook.addSubcommand(new Status(credentials));
        webhook.addSubcommand(new Remove(credentials));
        CommandLine notify = new CommandLine(new NotifyCommand());
        notify.addSubcommand(webhook);
        return notify;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand: webhook.");
    }

    private static Optional<char[]> stored(CredentialStore credentials) {
        try {
            return credentials.read(CredentialKey.notifyWebhook());
        } catch (CredentialException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Command(name = "webhook", mixinStandardHelpOptions = true,
            description = "A Slack-compatible incoming webhook; its URL lives in the OS keychain and is never shown.")
    static final class Webhook implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand: set, test, status or remove.");
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Read the webhook URL from the first line of standard input (never an argument, which shell history"
                    + " keeps) and keep it in the OS keychain, replacing any earlier one.")
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
            char[] line = firstLine(stdin);
            try {
                if (line.length == 0) {
                    throw new IllegalArgumentException("Standard input was empty; pipe in the webhook URL, e.g. from your password"
                            + " manager's CLI.");
                }
                URI url = WebhookUrl.parse(new String(line)).orElseThrow(() -> new IllegalArgumentException(
                        "Standard input did not hold an http(s) URL; pipe in the webhook URL as the chat service shows it,"
                                + " e.g. https://hooks.example.com/services/..."));
                char[] stripped = url.toString().toCharArray();
                try {
                    credentials.store(CredentialKey.notifyWebhook(), stripped);
                } catch (CredentialException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                } finally {
                    Arrays.fill(stripped, '\0');
                }
                spec.commandLine().getOut().println("The webhook URL is in " + WHERE + "; send a test message with control-room notify"
                        + " webhook test.");
                if (WebhookUrl.unencryptedOverTheNetwork(url)) {
                    spec.commandLine().getErr().println("Warning: the webhook URL is plain http, so the URL and every message cross the"
                            + " network unencrypted; use https unless the webhook runs on this machine.");
                }
                return 0;
            } finally {
                Arrays.fill(line, '\0');
            }
        }

        /** Up to the first line break or the end; an empty array for no input. */
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
            while (length > 0 && Character.isWhitespace(buffer[length - 1])) {
                length--;
            }
            char[] line = Arrays.copyOf(buffer, length);
            Arrays.fill(buffer, '\0');
            return line;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Post a test message to the webhook and say whether it was delivered; exit 1 if it was not.")
    static final class Test implements Callable<Integer> {
        private final WebhookPoster poster;
        @Spec CommandSpec spec;

        Test(WebhookPoster poster) {
            this.poster = poster;
        }

        @Override
        public Integer call() {
            WebhookDelivery delivery = poster.post(TEST_MESSAGE);
            if (delivery.delivered()) {
                spec.commandLine().getOut().println(delivery.sentence());
                return 0;
            }
            spec.commandLine().getErr().println("control-room: " + delivery.sentence());
            return 1;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether a webhook is configured (never its URL).")
    static final class Status implements Callable<Integer> {
        private final CredentialStore credentials;
        @Spec CommandSpec spec;

        Status(CredentialStore credentials) {
            this.credentials = credentials;
        }

        @Override
        public Integer call() {
            Optional<char[]> url = stored(credentials);
            url.ifPresent(chars -> Arrays.fill(chars, '\0'));
            spec.commandLine().getOut().println(url.isPresent()
                    ? "A webhook is configured; its URL is in " + WHERE + " and is never shown."
                    : "No webhook is configured; pipe its URL into control-room notify webhook set.");
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the webhook URL from the OS keychain.")
    static final class Remove implements Callable<Integer> {
        private final CredentialStore credentials;
        @Spec CommandSpec spec;

        Remove(CredentialStore credentials) {
            this.credentials = credentials;
        }

        @Override
        public Integer call() {
            Optional<char[]> url = stored(credentials);
            if (url.isEmpty()) {
                spec.commandLine().getOut().println("No webhook was configured; nothing was removed.");
                return 0;
            }
            Arrays.fill(url.get(), '\0');
            try {
                credentials.delete(CredentialKey.notifyWebhook());
            } catch (CredentialException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            spec.commandLine().getOut().println("Removed the webhook URL from the OS keychain; no notices will be posted.");
            return 0;
        }
    }
}
