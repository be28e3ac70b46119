package com.rolloutcontrolroom.services.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a webhook URL without ever repeating it: {@link URISyntaxException} and its relatives put
 * the whole input in their message, and this input is a secret.
 */
public final class WebhookUrl {

    private WebhookUrl() {
    }

    /** The URL if {@code text} is an absolute http or https URL with a host; empty otherwise. */
    public static Optional<URI> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http") || scheme.equals("https");
            return http && uri.getHost() != null && !uri.getHost().isEmpty() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** True for plain http to another machine: the URL's secret and every message would cross the network readable. */
    public static boolean unencryptedOverTheNetwork(URI url) {
        if (!"http".equalsIgnoreCase(url.getScheme())) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
