package com.rolloutcontrolroom.ui.main;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

/** The frame: navigation on the left, the selected screen in the middle. */
public final class MainView {

    private final MainViewModel viewModel;
    private final ScreenViews screenViews;
    private final ToggleGroup navigation = new ToggleGroup();

    @FXML private VBox navigationBar;
    @FXML private StackPane content;
    @FXML private Label environmentBadge;
    @FXML private StatusBar statusBar;
    @FXML private Button themeToggle;

    public MainView(MainViewModel viewModel, ScreenViews screenViews) {
        this.viewModel = viewModel;
        this.screenViews = screenViews;
    }

    @FXML
    private void initialize() {
        for (Screen screen : viewModel.screens()) {
            navigationBar.getChildren().add(navigationButton(screen));
        }
        environmentBadge.textProperty().bind(viewModel.environmentBadgeProperty());
        statusBar.textProperty().bind(viewModel.dataFolderProperty());
        statusBar.getRightItems().setAll(new Label(viewModel.versionText()));
        themeToggle.setGraphic(new FontIcon("mdi2t-theme-light-dark"));
        themeToggle.setTooltip(new Tooltip("Switch between light and dark"));
        // a navigation toggle clicked twice would leave nothing selected; keep the current one lit
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        viewModel.selectedScreenProperty().addListener((obs, old, screen) -> show(screen));
        show(viewModel.selectedScreenProperty().get());
    }

    @FXML
    private void toggleTheme() {
        viewModel.toggleTheme();
    }

    private ToggleButton navigationButton(Screen screen) {
        ToggleButton button = new ToggleButton(screen.title(), new FontIcon(screen.iconLiteral()));
        button.setId("nav-" + screen.name().toLowerCase(java.util.Locale.ROOT));
        button.getStyleClass().add("nav-button");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setToggleGroup(navigation);
        button.setUserData(screen);
        button.setOnAction(event -> viewModel.navigateTo(screen));
        return button;
    }

    private void show(Screen screen) {
        content.getChildren().setAll(screenViews.viewFor(screen));
        navigation.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == screen)
                .findFirst()
                .ifPresent(toggle -> toggle.setSelected(true));
    }
}
