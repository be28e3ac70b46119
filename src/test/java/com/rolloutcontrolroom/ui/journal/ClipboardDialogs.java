package com.rolloutcontrolroom.ui.journal;

import com.rolloutcontrolroom.ui.common.DialogQuestion;
import com.rolloutcontrolroom.ui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps what was copied; the journal screen opens no dialog, so any other call fails the test. */
final class ClipboardDialogs implements DialogService {

    final List<String> copied = new ArrayList<>();

    @Override public void copyToClipboard(String text) { copied.add(text); }
    @Override public void showError(String title, String message) { throw new AssertionError(message); }
    @Override public void showInformation(String title, String message) { throw new AssertionError(message); }
    @Override public boolean confirm(String title, String message, String okButtonText) { throw new AssertionError(message); }
    @Override public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) { throw new AssertionError(title); }
    @Override public Optional<Path> chooseFileToOpen(String title, String extension) { throw new AssertionError(title); }
    @Override public Optional<List<String>> ask(String title, String message, List<DialogQuestion> questions, String okButtonText) {
        throw new AssertionError(message);
    }
    @Override public Optional<char[]> askPassword(String title, String message) { throw new AssertionError(message); }
}
