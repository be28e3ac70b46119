package com.rolloutcontrolroom.services.notify;

/** How one post to the webhook went, as one sentence that never holds the webhook's URL. */
public record WebhookDelivery(Outcome outcome, String sentence) {

    public enum Outcome {
        DELIVERED,
        NOT_CONFIGURED,
        FAILED
    }

    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }

    static WebhookDelivery delivered(int status) {
        return new WebhookDelivery(Outcome.DELIVERED, "The webhook accepted the message (HTTP " + status + ").");
    }

    static WebhookDelivery notConfigured() {
        return new WebhookDelivery(Outcome.NOT_CONFIGURED, WebhookPoster.NOT_CONFIGURED);
    }

    static WebhookDelivery failed(String sentence) {
        return new WebhookDelivery(Outcome.FAILED, sentence);
    }
}
