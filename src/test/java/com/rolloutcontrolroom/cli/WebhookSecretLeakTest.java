package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.app.LogSetup;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.notify.Notice;
import com.rolloutcontrolroom.services.notify.NoticeFanOut;
import com.rolloutcontrolroom.services.notify.NoticeKind;
import com.rolloutcontrolroom.services.notify.WebhookNotifier;
import com.rolloutcontrolroom.services.notify.WebhookPoster;
import com.rolloutcontrolroom.testsupport.RealKeychain;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.testsupport.WebhookReceiver;

import picocli.CommandLine;

/**
 * Every way a webhook URL passes through the app (set, status, test delivered, refused by the
 * server, unreachable, a URL mistakenly given as an argument, notices published by the scheduler's
 * sinks, remove) while the root logger and the app's write at full detail into the data folder,
 * which holds a journal (the JDK's HTTP client, which logs request URIs at FINE, is held at INFO by
 * LogSetup); then neither the URL nor its secret path is in any file there, any log record, stdout or stderr.
 */
class WebhookSecretLeakTest {

    private static final List<String> LOGGERS = List.of("", "com.rolloutcontrolroom");

    @TempDir
    Path folder;

    @Test
    void theWebhookUrlAppearsInNoFileNoLogAndNoOutput() throws Exception {
        AppHome home = new AppHome(folder).ensureExists();
        // as Main does; this JVM brings its own logging configuration, so LogSetup only does what it does for one
        LogSetup.configure(home);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> secrets = new ArrayList<>();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        FileHandler log = new FileHandler(home.logs().resolve("control-room.%g.log").toString());
        log.setFormatter(new SimpleFormatter());
        log.setLevel(Level.ALL);
        Handler memory = new CapturingHandler(captured);
        List<Level> levels = new ArrayList<>();
        LOGGERS.forEach(name -> {
            levels.add(Logger.getLogger(name).getLevel());
            Logger.getLogger(name).setLevel(Level.ALL);
        });
        // the receiving server stands in for the chat service; its request log is the service's, not the app's
        Logger receiverLog = Logger.getLogger("com.sun.net.httpserver");
        Level receiverLevel = receiverLog.getLevel();
        receiverLog.setLevel(Level.OFF);
        Logger.getLogger("").addHandler(log);
        Logger.getLogger("").addHandler(memory);
        System.setOut(new PrintStream(new Tee(console, originalOut), true));
        System.setErr(new PrintStream(new Tee(console, originalErr), true));
        try (RealKeychain keychain = RealKeychain.require(); WebhookReceiver receiver = new WebhookReceiver()) {
            keychain.restoreAfterwards(CredentialKey.notifyWebhook());
            TestRollouts.create(home, keychain.store(), TestRollouts.ROLLOUT);
            String closedPort = WebhookReceiver.closedPortUrl();
            secrets.add(receiver.url());
            secrets.add(closedPort);

            assertThat(cli(home, keychain, receiver.url() + "\n").execute("notify", "webhook", "set")).isZero();
            assertThat(cli(home, keychain, "").execute("notify", "webhook", "status")).isZero();
            assertThat(cli(home, keychain, "").execute("notify", "webhook", "test")).isZero();
            receiver.answer(500);
            assertThat(cli(home, keychain, "").execute("notify", "webhook", "test")).isEqualTo(1);
            assertThat(cli(home, keychain, "").execute("notify", "webhook", "set", receiver.url())).isEqualTo(2);
            assertThat(cli(home, keychain, "").execute("notify", "webhook", "set", "--url=" + receiver.url())).isEqualTo(2);

            WebhookPoster poster = new WebhookPoster(keychain.store(), Duration.ofSeconds(2));
            NoticeFanOut sinks = new NoticeFanOut(List.of(new WebhookNotifier(poster, Runnable::run)));
            Notice due = new Notice(NoticeKind.CHECKPOINT_DUE, TestRollouts.ROLLOUT, Instant.now(), "Checkpoint T+1h is due.");
            sinks.publish(due);
            receiver.answer(200);
            sinks.publish(due);

            assertThat(cli(home, keychain, closedPort).execute("notify", "webhook", "set")).isZero();
            assertThat(cli(home, keychain, "").execute("notify", "webhook", "test")).isEqualTo(1);
            sinks.publish(due);
            assertThat(cli(home, keychain, "").execute("notify", "webhook", "remove")).isZero();
            assertThat(receiver.received()).as("two tests and two notices reached the server").hasSize(4);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            Logger.getLogger("").removeHandler(log);
            Logger.getLogger("").removeHandler(memory);
            receiverLog.setLevel(receiverLevel);
            log.close();
            for (int i = 0; i < LOGGERS.size(); i++) {
                Logger.getLogger(LOGGERS.get(i)).setLevel(levels.get(i));
            }
        }

        String logged = captured.toString(StandardCharsets.UTF_8);
        assertThat(logged).as("the failures were logged, each as one sentence")
                .contains("The webhook answered HTTP 500", "The webhook could not be reached (the connection failed)");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("The webhook accepted the message (HTTP 200).",
                "control-room: The webhook answered HTTP 500", "A webhook is configured", "not repeated here");
        assertThat(home.journal()).as("the data folder holds a journal").isRegularFile();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(file -> file.startsWith(home.logs()));
        for (Path file : files) {
            assertNoSecret(secrets, file.toString(), Files.readAllBytes(file));
        }
        assertNoSecret(secrets, "the captured log records", captured.toByteArray());
        assertNoSecret(secrets, "stdout and stderr", console.toByteArray());
    }

    private CommandLine cli(AppHome home, RealKeychain keychain, String stdin) {
        CommandLine cli = ControlRoomCli.create(home, () -> { }, keychain.store(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(System.out, true));
        cli.setErr(new PrintWriter(System.err, true));
        return cli;
    }

    /** The whole URL, and its secret path alone (a message naming only the path would leak it just the same). */
    private static void assertNoSecret(List<String> urls, String where, byte[] content) {
        List<String> needles = new ArrayList<>(urls);
        needles.add(WebhookReceiver.SECRET_PATH);
        needles.add("fake-webhook-token");
        for (String needle : needles) {
            for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                int at = indexOf(content, needle.getBytes(charset));
                assertThat(at).as(() -> "the secret in " + charset + " in " + where + ", after: " + before(content, at, charset))
                        .isEqualTo(-1);
            }
        }
    }

    /** What led up to a leak, to find the line that wrote it (the secret itself left out). */
    private static String before(byte[] content, int at, Charset charset) {
        int from = Math.max(0, at - 600);
        int to = Math.min(content.length, at + 400);
        return new String(content, from, at - from, charset) + "<SECRET>" + new String(content, at, to - at, charset)
                .replaceAll("fake-webhook-token[^\\s]*", "<SECRET>");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Every record, formatted with its trace, as a log file would hold it. */
    private static final class CapturingHandler extends Handler {
        private final ByteArrayOutputStream into;
        private final SimpleFormatter formatter = new SimpleFormatter();

        CapturingHandler(ByteArrayOutputStream into) {
            this.into = into;
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            into.writeBytes(formatter.format(record).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
