package com.rolloutcontrolroom.services.notify;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each notice to the webhook on the executor it is given (one thread keeps notices in order),
 * so the scheduler never waits for a chat service. A failure is one logged sentence, never thrown;
 * there is no retry, and the next notice is tried anew. With no webhook configured it does nothing.
 */
public final class WebhookNotifier implements NoticeSink {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

    private final WebhookPoster poster;
    private final Executor executor;

    public WebhookNotifier(WebhookPoster poster, Executor executor) {
        this.poster = poster;
        this.executor = executor;
    }

    /** Returns at once (unless the executor runs on the caller's thread, as in tests). */
    @Override
    public void publish(Notice notice) {
        try {
            executor.execute(() -> post(notice));
        } catch (RejectedExecutionException e) {
            LOG.info("The {} notice for {} was not posted to the webhook: the app is shutting down.", notice.kind(), notice.rollout());
        }
    }

    private void post(Notice notice) {
        WebhookDelivery delivery;
        try {
            delivery = poster.post(notice.text());
        } catch (RuntimeException e) {
            // the class alone: a message here could repeat the URL
            LOG.warn("The {} notice for {} was not posted to the webhook ({}).", notice.kind(), notice.rollout(),
                    e.getClass().getSimpleName());
            return;
        }
        switch (delivery.outcome()) {
            case DELIVERED -> LOG.debug("The {} notice for {} was posted to the webhook.", notice.kind(), notice.rollout());
            case NOT_CONFIGURED -> LOG.trace("No webhook is configured; the {} notice for {} stays in the app.", notice.kind(),
                    notice.rollout());
            case FAILED -> LOG.warn("{} (the {} notice for {} was not posted).", withoutFinalStop(delivery.sentence()), notice.kind(),
                    notice.rollout());
        }
    }

    private static String withoutFinalStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
