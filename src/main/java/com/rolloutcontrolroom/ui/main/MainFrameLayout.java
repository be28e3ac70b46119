package com.rolloutcontrolroom.ui.main;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The frame's nodes: the sidebar, the screen's place and the status bar. Unlike the screens, the frame is laid
 * out in code, not FXML: it is on every start's way to the first frame, and there the FXML loader's parser,
 * bean tables and reflective setters were about a third of building it. {@link MainView} binds it.
 */
final class MainFrameLayout {

    final BorderPane root = new BorderPane();
    final Label presentationBanner = new Label();
    final Label environmentBadge = new Label();
    final Label rolloutLabel = new Label("_Rollout");
    final MenuButton rolloutChooser = new MenuButton();
    final VBox navigationBar = new VBox(2);
    final Button presentToggle = new Button("Present");
    final Button themeToggle = new Button("Theme");
    final StackPane content = new StackPane();
    final HBox statusBar = new HBox();
    final Label statusText = new Label();
    final HBox statusRight = new HBox();

    MainFrameLayout() {
        root.getStyleClass().add("main-window");
        root.setPrefSize(1280, 800);
        root.setTop(banner());
        root.setLeft(sidebar());
        content.getStyleClass().add("content");
        root.setCenter(content);
        root.setBottom(statusBar());
    }

    private Label banner() {
        presentationBanner.setId("presentation-banner");
        presentationBanner.getStyleClass().add("presentation-banner");
        presentationBanner.setMaxWidth(Double.MAX_VALUE);
        presentationBanner.setWrapText(true);
        return presentationBanner;
    }

    private VBox sidebar() {
        Label appName = new Label("Rollout Control Room");
        appName.getStyleClass().add("app-name");
        appName.setWrapText(true);
        environmentBadge.getStyleClass().add("environment-badge");
        rolloutLabel.setMnemonicParsing(true);
        rolloutLabel.getStyleClass().addAll("field-label", "rollout-label");
        rolloutChooser.setId("main-rollout");
        rolloutChooser.getStyleClass().add("rollout-chooser");
        rolloutChooser.setMaxWidth(Double.MAX_VALUE);
        rolloutChooser.setMnemonicParsing(false);
        navigationBar.getStyleClass().add("navigation");
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        presentToggle.setId("main-present");
        presentToggle.getStyleClass().add("flat");
        presentToggle.setWrapText(true);
        presentToggle.setMinHeight(Region.USE_PREF_SIZE);
        themeToggle.getStyleClass().add("flat");
        VBox sidebar = new VBox(4, appName, environmentBadge, rolloutLabel, rolloutChooser, navigationBar, spacer,
                presentToggle, themeToggle);
        sidebar.getStyleClass().add("sidebar");
        return sidebar;
    }

    /** The frame's own status bar, in the theme's colours (ControlsFX's drew a light-grey frame on the dark theme). */
    private HBox statusBar() {
        statusBar.setId("main-status-bar");
        statusBar.getStyleClass().add("status-bar");
        statusText.setId("main-status-text");
        statusText.getStyleClass().add("status-text");
        statusText.setMaxWidth(Double.MAX_VALUE);
        statusText.setMinWidth(0);
        HBox.setHgrow(statusText, Priority.ALWAYS);
        statusRight.getStyleClass().add("right-items");
        statusBar.getChildren().addAll(statusText, statusRight);
        return statusBar;
    }
}
