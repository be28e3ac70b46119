package com.rolloutcontrolroom.services.notify;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each notice to every sink in order. A sink that throws is logged in one sentence and the
 * others still get the notice: a broken webhook must not hide a checkpoint from the status bar,
 * and nothing a sink does may reach the scheduler that published.
 */
public final class NoticeFanOut implements NoticeSink {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeFanOut.class);

    private final List<NoticeSink> sinks;

    public NoticeFanOut(List<NoticeSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void publish(Notice notice) {
        for (NoticeSink sink : sinks) {
            try {
                sink.publish(notice);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError) {
                    throw e;
                }
                // no trace: a sentence is what the log reader needs, and a trace would make a one-line event many
                LOG.warn("A notice destination failed on the {} notice for {}: {} ({}).", notice.kind(), notice.rollout(),
                        e.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
