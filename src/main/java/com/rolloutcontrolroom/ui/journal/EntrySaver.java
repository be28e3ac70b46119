package com.rolloutcontrolroom.ui.journal;

import java.util.function.Consumer;

/** Appends a form's record off the FX thread; exactly one callback runs, on the FX thread. */
@FunctionalInterface
interface EntrySaver {
    void save(EntryDraft draft, Runnable onSaved, Consumer<String> onFailed);
}
