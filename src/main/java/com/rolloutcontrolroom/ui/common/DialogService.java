package com.rolloutcontrolroom.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Dialogs and file choosers, behind an interface so a ViewModel test needs no Stage. */
public interface DialogService {

    void showError(String title, String message);

    void showInformation(String title, String message);

    boolean confirm(String title, String message, String okButtonText);

    Optional<Path> chooseFileToSave(String title, String suggestedName, String extension);

    Optional<Path> chooseFileToOpen(String title, String extension);

    /** Puts plain text on the system clipboard (a journal head to paste into {@code --expect}). */
    void copyToClipboard(String text);

    /**
     * A small form: one input per question, then OK or Cancel. The OK button says what happens
     * ({@code okButtonText}), so the form is also the confirmation.
     *
     * @return the answers in the order asked; empty when the user cancels
     */
    Optional<List<String>> ask(String title, String message, List<DialogQuestion> questions, String okButtonText);

    /** A masked field; empty when the user cancels. The caller wipes the array after use. */
    Optional<char[]> askPassword(String title, String message);
}
