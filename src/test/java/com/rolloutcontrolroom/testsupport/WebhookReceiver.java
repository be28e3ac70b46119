package com.rolloutcontrolroom.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A chat service's incoming webhook on 127.0.0.1 for one test: it records each POST (path, content
 * type, body) and answers with the status the test chose, after an optional delay.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** Slack carries the webhook's secret in the path; so do these tests, with a token that cannot be real. */
    public static final String SECRET_PATH = "/services/T000FAKE/B000FAKE/fake-webhook-token-7Qx9Zr2Lk4Wm8Vn3";

    public record Received(String path, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8)));
                Thread.sleep(delay.toMillis());
                byte[] answer = (status / 100 == 2 ? "ok" : "no_service").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** The full URL, secret path included: what a user pastes into {@code notify webhook set}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH;
    }

    public void answer(int httpStatus) {
        this.status = httpStatus;
    }

    public void answerAfter(Duration wait) {
        this.delay = wait;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** A URL with the same secret path on a port where nothing listens. */
    public static String closedPortUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        return "http://127.0.0.1:" + port + SECRET_PATH;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
