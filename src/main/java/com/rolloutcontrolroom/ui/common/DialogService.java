package com.rolloutcontrolroom.ui.common;

import java.nio.file.Path;
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

    /** A masked field; empty when the user cancels. The caller wipes the array after use. */
    Optional<char[]> askPassword(String title, String message);
}
