package com.rolloutcontrolroom.ui.common;

import java.util.Map;
import java.util.function.Supplier;

import com.rolloutcontrolroom.domain.redact.Redactor;

/**
 * Hands presentation mode what it must hide: read off the FX thread (the config file), learnt on it.
 * Called at start and whenever a profile is saved or removed.
 */
public final class PresentationWords {

    private final Supplier<Map<String, Redactor.Sensitive>> words;
    private final PresentationMode presentation;
    private final TaskExecutor executor;

    public PresentationWords(Supplier<Map<String, Redactor.Sensitive>> words, PresentationMode presentation, TaskExecutor executor) {
        this.words = words;
        this.presentation = presentation;
        this.executor = executor;
    }

    public void refresh() {
        executor.execute(BackgroundTask.of(words::get).onSuccess(presentation::learn));
    }
}
