package com.rolloutcontrolroom.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The real dialogs, owned by the main window so they stay on the shared screen; while presenting,
 * every title, header, message, label and choice they show passes the redactor.
 */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final PresentationMode presentation;

    public FxDialogService(Supplier<Window> owner) {
        this(owner, new PresentationMode());
    }

    public FxDialogService(Supplier<Window> owner, PresentationMode presentation) {
        this.owner = owner;
        this.presentation = presentation;
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String okButtonText) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        ButtonType ok = new ButtonType(okButtonText, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ok, ButtonType.CANCEL);
        return alert.showAndWait().filter(ok::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) {
        FileChooser chooser = chooser(title, extension);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String extension) {
        return Optional.ofNullable(chooser(title, extension).showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<List<String>> ask(String title, String message, List<DialogQuestion> questions, String okButtonText) {
        Dialog<List<String>> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(presentation.shown(title));
        dialog.setHeaderText(presentation.shown(message));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        List<Supplier<String>> answers = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            DialogQuestion question = questions.get(i);
            Control input = input(question, answers);
            input.setId("dialog-answer-" + i);
            Label label = new Label(presentation.shown(question.label()));
            label.setMnemonicParsing(true);
            label.setLabelFor(input);
            label.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setHgrow(input, Priority.ALWAYS);
            grid.addRow(i, label, input);
        }
        grid.setPrefWidth(560);
        dialog.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(okButtonText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ok ? answers.stream().map(Supplier::get).toList() : null);
        if (!questions.isEmpty()) {
            // after the dialog's own focus goes to its default button, or the first answer is typed into nothing
            dialog.setOnShown(event -> Platform.runLater(grid.getChildren().get(1)::requestFocus));
        }
        return dialog.showAndWait();
    }

    private Control input(DialogQuestion question, List<Supplier<String>> answers) {
        if (!question.choices().isEmpty()) {
            ChoiceBox<String> choice = new ChoiceBox<>(FXCollections.observableArrayList(question.choices()));
            choice.setConverter(new javafx.util.StringConverter<>() {
                @Override public String toString(String value) { return presentation.shown(value); }
                @Override public String fromString(String shown) { return shown; }
            });
            choice.setValue(question.choices().contains(question.initial()) ? question.initial() : question.choices().get(0));
            choice.setMaxWidth(Double.MAX_VALUE);
            answers.add(() -> choice.getValue() == null ? "" : choice.getValue());
            return choice;
        }
        // a suggestion is shown redacted; left as it is, it is answered as it was, not as the mask
        String initial = question.initial();
        String shownInitial = presentation.shown(initial);
        TextInputControl text = question.multiline() ? new TextArea(shownInitial) : new TextField(shownInitial);
        if (text instanceof TextArea area) {
            area.setPrefRowCount(3);
            area.setWrapText(true);
        }
        answers.add(() -> text.getText().equals(shownInitial) ? initial : text.getText());
        return text;
    }

    @Override
    public Optional<char[]> askPassword(String title, String message) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(presentation.shown(title));
        dialog.setHeaderText(presentation.shown(message));
        PasswordField field = new PasswordField();
        field.setId("password-prompt");
        field.setPromptText("password");
        dialog.getDialogPane().setContent(field);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnShown(event -> field.requestFocus());
        dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText().toCharArray() : null);
        Optional<char[]> password = dialog.showAndWait().filter(secret -> secret.length > 0);
        field.clear();
        return password;
    }

    private FileChooser chooser(String title, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(presentation.shown(title));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files", "*." + extension));
        return chooser;
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, presentation.shown(message));
        alert.initOwner(owner.get());
        alert.setTitle(presentation.shown(title));
        alert.setHeaderText(null);
        return alert;
    }
}
