package com.rolloutcontrolroom.services.notify;

/**
 * Somewhere a notice is shown or sent (the app's notifications, a webhook). Called on the
 * scheduler's thread: a sink that does I/O hands the work to its own thread and returns.
 */
@FunctionalInterface
public interface NoticeSink {

    void publish(Notice notice);
}
