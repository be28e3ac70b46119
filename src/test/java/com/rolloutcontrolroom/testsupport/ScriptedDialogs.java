package com.rolloutcontrolroom.testsupport;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.ui.common.DialogQuestion;
import com.rolloutcontrolroom.ui.common.DialogService;

/**
 * The dialogs a ViewModel test scripts: files to open and save, passwords to type and the answer to
 * every confirmation are queued up front; what was asked, suggested and copied is recorded.
 */
public final class ScriptedDialogs implements DialogService {

    public final Deque<Path> toOpen = new ArrayDeque<>();
    public final Deque<Path> toSave = new ArrayDeque<>();
    public final List<String> suggestedNames = new ArrayList<>();
    public final Deque<String> passwords = new ArrayDeque<>();
    public final List<String> passwordPrompts = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    public final List<String> copied = new ArrayList<>();
    /** The answers of each form dialog in turn; a form asked when none is queued is cancelled. */
    public final Deque<List<String>> answers = new ArrayDeque<>();
    /** Every form dialog asked: its questions, with the text each started with. */
    public final List<List<DialogQuestion>> forms = new ArrayList<>();
    /** What every confirmation answers. */
    public boolean confirmAnswer = true;
    /** Typed at every password prompt once {@link #passwords} is used up; null cancels. */
    private final String repeatedPassword;

    public ScriptedDialogs() {
        this(null);
    }

    private ScriptedDialogs(String repeatedPassword) {
        this.repeatedPassword = repeatedPassword;
    }

    /** Types the same password at every prompt (null: cancels every prompt). */
    public static ScriptedDialogs typingPassword(String password) {
        return new ScriptedDialogs(password);
    }

    /** Every error and information dialog shown, as "title: message". */
    public final List<String> errors = new ArrayList<>();
    public final List<String> informations = new ArrayList<>();

    @Override public void showError(String title, String message) { errors.add(title + ": " + message); }
    @Override public void showInformation(String title, String message) { informations.add(title + ": " + message); }
    @Override public void copyToClipboard(String text) { copied.add(text); }

    @Override
    public boolean confirm(String title, String message, String okButtonText) {
        questions.add(message);
        return confirmAnswer;
    }

    @Override
    public Optional<List<String>> ask(String title, String message, List<DialogQuestion> questions, String okButtonText) {
        forms.add(List.copyOf(questions));
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) {
        suggestedNames.add(suggestedName);
        return Optional.ofNullable(toSave.poll());
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String extension) {
        return Optional.ofNullable(toOpen.poll());
    }

    @Override
    public Optional<char[]> askPassword(String title, String message) {
        passwordPrompts.add(title + ": " + message);
        String typed = passwords.isEmpty() ? repeatedPassword : passwords.poll();
        return Optional.ofNullable(typed).map(String::toCharArray);
    }
}
