package com.rolloutcontrolroom.services.notify;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;

/**
 * Posts one message to the webhook whose URL is in the keychain, as Slack-compatible JSON
 * ({@code {"text": "..."}}). Blocking: it reads the keychain and waits for the answer, at most
 * about twice the timeout, so call it off the FX thread (the CLI's {@code notify webhook test}
 * calls it directly; {@link WebhookNotifier} calls it on its own thread). The URL is read anew for
 * each message, so a URL set while the app runs is used for the next one.
 *
 * <p>The URL is a secret (Slack's carries its token in the path, and presentation mode hides even
 * hosts), so no sentence names it, and exceptions are turned into sentences by their type alone: an
 * exception's message may name the URL or its host (a TLS certificate mismatch does).
 */
public final class WebhookPoster {

    /** Long enough for a chat service across the internet, short enough to say soon that it is not answering. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    static final String NOT_CONFIGURED = "No webhook is configured; pipe its URL into control-room notify webhook set.";
    private static final String THEN_TEST = "then run control-room notify webhook test.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CredentialStore credentials;
    private final Duration timeout;
    private HttpClient client;

    public WebhookPoster(CredentialStore credentials, Duration timeout) {
        this.credentials = credentials;
        this.timeout = timeout;
    }

    /** Built at the first post: its TLS set-up took a tenth of the window's start-up, for a webhook most never set. */
    private synchronized HttpClient client() {
        if (client == null) {
            // a redirect would send the message, and whatever the new URL holds, somewhere nobody configured
            client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    /** One attempt, no retry: the next message is tried anew. Never throws. */
    public WebhookDelivery post(String text) {
        Optional<URI> url;
        try {
            Optional<char[]> stored = credentials.read(CredentialKey.notifyWebhook());
            if (stored.isEmpty()) {
                return WebhookDelivery.notConfigured();
            }
            url = WebhookUrl.parse(new String(stored.get()));
            Arrays.fill(stored.get(), '\0');
        } catch (CredentialException e) {
            return WebhookDelivery.failed(e.getMessage());
        }
        if (url.isEmpty()) {
            return WebhookDelivery.failed("The webhook URL in the OS keychain is not an http(s) URL; set it again with"
                    + " control-room notify webhook set.");
        }
        return send(url.get(), text);
    }

    private WebhookDelivery send(URI url, String text) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body(text)))
                    .build();
            int status = client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return WebhookDelivery.delivered(status);
            }
            return WebhookDelivery.failed("The webhook answered HTTP " + status + "; check it with control-room notify webhook test"
                    + " and set it again with control-room notify webhook set if it was changed.");
        } catch (HttpTimeoutException e) {
            return WebhookDelivery.failed("The webhook did not answer within " + seconds(timeout) + " s; check the network, " + THEN_TEST);
        } catch (ConnectException e) {
            String why = unresolved(e) ? "its host name did not resolve" : "the connection failed";
            return WebhookDelivery.failed("The webhook could not be reached (" + why + "); check the network, " + THEN_TEST);
        } catch (SSLException e) {
            return WebhookDelivery.failed("The webhook could not be reached securely (the TLS handshake failed); check the URL's"
                    + " certificate, " + THEN_TEST);
        } catch (IOException e) {
            return WebhookDelivery.failed("The webhook could not be reached (" + e.getClass().getSimpleName() + "); check the network, "
                    + THEN_TEST);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WebhookDelivery.failed("Posting to the webhook was interrupted; the next message is tried anew.");
        } catch (RuntimeException e) {
            // e.g. IllegalArgumentException from the request builder, whose message repeats the URL
            return WebhookDelivery.failed("The webhook could not be posted to (" + e.getClass().getSimpleName() + "); set its URL again"
                    + " with control-room notify webhook set.");
        }
    }

    /** Slack reads {@code &}, {@code <} and {@code >} as markup, and asks for exactly these three to be escaped. */
    static String body(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        try {
            return JSON.writeValueAsString(Map.of("text", escaped));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A one-field JSON object could not be written.", e);
        }
    }

    private static boolean unresolved(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
