package com.rolloutcontrolroom.services.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.testsupport.RealKeychain;
import com.rolloutcontrolroom.testsupport.WebhookReceiver;

/** The webhook URL read from the real OS keychain, posted to a local HTTP server. */
class WebhookPosterTest {

    private RealKeychain keychain;
    private WebhookReceiver receiver;
    private WebhookPoster poster;

    @BeforeEach
    void start() throws Exception {
        keychain = RealKeychain.require();
        keychain.restoreAfterwards(CredentialKey.notifyWebhook());
        receiver = new WebhookReceiver();
        poster = new WebhookPoster(keychain.store(), Duration.ofMillis(800));
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        keychain.close();
    }

    @Test
    void postsSlackCompatibleJsonToTheUrlInTheKeychain() throws Exception {
        configure(receiver.url());

        WebhookDelivery delivery = poster.post("FEATURE_X: Checkpoint T+6h is \"due\" & success < 90 % now.");

        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.sentence()).isEqualTo("The webhook accepted the message (HTTP 200).");
        assertThat(receiver.received()).hasSize(1);
        WebhookReceiver.Received request = receiver.received().get(0);
        assertThat(request.path()).isEqualTo(WebhookReceiver.SECRET_PATH);
        assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode json = new ObjectMapper().readTree(request.body());
        assertThat(json.size()).isEqualTo(1);
        // Slack's three control characters escaped as it asks; JSON quotes escaped by the JSON writer
        assertThat(json.get("text").asText()).isEqualTo("FEATURE_X: Checkpoint T+6h is \"due\" &amp; success &lt; 90 % now.");
    }

    @Test
    void anAnswerOtherThan2xxIsOneSentenceWithoutTheUrl() throws Exception {
        configure(receiver.url());
        receiver.answer(500);

        WebhookDelivery delivery = poster.post("hello");

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.sentence()).isEqualTo("The webhook answered HTTP 500; check it with control-room notify webhook test"
                + " and set it again with control-room notify webhook set if it was changed.");
        assertThat(receiver.received()).as("one attempt, no retry").hasSize(1);
    }

    @Test
    void aClosedPortIsOneSentenceWithoutTheUrl() throws Exception {
        configure(WebhookReceiver.closedPortUrl());

        WebhookDelivery delivery = poster.post("hello");

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.sentence()).isEqualTo("The webhook could not be reached (the connection failed); check the network,"
                + " then run control-room notify webhook test.");
    }

    @Test
    void aWebhookThatDoesNotAnswerInTimeIsOneSentence() throws Exception {
        configure(receiver.url());
        receiver.answerAfter(Duration.ofSeconds(3));

        long started = System.nanoTime();
        WebhookDelivery delivery = poster.post("hello");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.sentence()).isEqualTo("The webhook did not answer within 0.8 s; check the network,"
                + " then run control-room notify webhook test.");
    }

    @Test
    void noWebhookConfiguredIsSaidAsSuchAndPostsNothing() throws Exception {
        keychain.store().delete(CredentialKey.notifyWebhook());

        WebhookDelivery delivery = poster.post("hello");

        assertThat(delivery.outcome()).isEqualTo(WebhookDelivery.Outcome.NOT_CONFIGURED);
        assertThat(delivery.sentence()).isEqualTo("No webhook is configured; pipe its URL into control-room notify webhook set.");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void theNotifierPostsEachNoticeAndNeverThrows() throws Exception {
        configure(receiver.url());
        WebhookNotifier notifier = new WebhookNotifier(poster, Runnable::run);
        Notice due = new Notice(NoticeKind.CHECKPOINT_DUE, "FEATURE_X", Instant.parse("2025-03-01T06:00:00Z"), "Checkpoint T+6h is due.");

        notifier.publish(due);
        receiver.answer(404);
        notifier.publish(due);

        assertThat(receiver.received()).extracting(WebhookReceiver.Received::body)
                .containsExactly("{\"text\":\"FEATURE_X: Checkpoint T+6h is due.\"}", "{\"text\":\"FEATURE_X: Checkpoint T+6h is due.\"}");
    }

    @Test
    void aFailedNoticeIsOneWarningSentenceWithoutATrace() throws Exception {
        configure(WebhookReceiver.closedPortUrl());
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(WebhookNotifier.class.getName());
        logger.addHandler(capture);
        try {
            new WebhookNotifier(poster, Runnable::run).publish(
                    new Notice(NoticeKind.VERDICT_CHANGED, "FEATURE_X", Instant.EPOCH, "The verdict went from PASS to WARN."));
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getThrown()).isNull();
        assertThat(warnings.get(0).getMessage()).isEqualTo("The webhook could not be reached (the connection failed); check the"
                + " network, then run control-room notify webhook test (the VERDICT_CHANGED notice for FEATURE_X was not posted).");
    }

    @Test
    void publishingReturnsBeforeTheWebhookAnswers() throws Exception {
        configure(receiver.url());
        receiver.answerAfter(Duration.ofMillis(600));
        ExecutorService worker = Executors.newSingleThreadExecutor();
        WebhookNotifier notifier = new WebhookNotifier(poster, worker);

        long started = System.nanoTime();
        notifier.publish(new Notice(NoticeKind.CHECKPOINT_MISSED, "FEATURE_X", Instant.EPOCH, "Checkpoint T+1h was missed."));
        Duration publishing = Duration.ofNanos(System.nanoTime() - started);
        worker.shutdown();

        assertThat(publishing).as("the scheduler's thread is not held by the webhook").isLessThan(Duration.ofMillis(300));
        assertThat(worker.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(receiver.received()).hasSize(1);
    }

    private void configure(String url) throws Exception {
        keychain.store().store(CredentialKey.notifyWebhook(), url.toCharArray());
    }
}
