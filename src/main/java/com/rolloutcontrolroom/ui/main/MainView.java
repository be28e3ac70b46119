package com.rolloutcontrolroom.ui.main;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;

/** The frame: navigation on the left, the selected screen in the middle. */
public final class MainView {

    private final MainViewModel viewModel;
    private final ScreenViews screenViews;
    private final boolean screenAfterFirstFrame;
    private static final String PRESENTING = "presenting";
    private static final String THEME_ICON = "mdi2t-theme-light-dark";
    private static final String PRESENT_ICON = "mdi2p-presentation";

    private final ToggleGroup navigation = new ToggleGroup();
    private final Label passwords = new Label();
    private final MainFrameLayout frame = new MainFrameLayout();
    private boolean tooltipsAdded;
    private boolean built;

    public MainView(MainViewModel viewModel, ScreenViews screenViews) {
        this(viewModel, screenViews, false);
    }

    /**
     * @param screenAfterFirstFrame the selected screen is built at {@link #showSelectedScreen()}, not with the
     *        frame: the window's first frame is then the frame alone, drawn sooner
     */
    public MainView(MainViewModel viewModel, ScreenViews screenViews, boolean screenAfterFirstFrame) {
        this.viewModel = viewModel;
        this.screenViews = screenViews;
        this.screenAfterFirstFrame = screenAfterFirstFrame;
    }

    /** Every icon the frame shows, for {@code IconFont} to make ready before the frame is built. */
    public static List<String> icons() {
        List<String> icons = new ArrayList<>(List.of(THEME_ICON, PRESENT_ICON));
        for (Screen screen : Screen.values()) {
            icons.add(screen.iconLiteral());
        }
        return icons;
    }

    /** The frame, bound to its ViewModel; built once. */
    public Parent build() {
        if (built) {
            throw new IllegalStateException("The frame is built once");
        }
        built = true;
        frame.presentToggle.setOnAction(event -> viewModel.togglePresenting());
        frame.themeToggle.setOnAction(event -> viewModel.toggleTheme());
        for (Screen screen : viewModel.screens()) {
            frame.navigationBar.getChildren().add(navigationButton(screen));
        }
        installKeys();
        bindPresentationMode();
        frame.environmentBadge.textProperty().bind(viewModel.environmentBadgeProperty());
        frame.environmentBadge.visibleProperty().bind(frame.environmentBadge.textProperty().isNotEmpty());
        frame.environmentBadge.managedProperty().bind(frame.environmentBadge.visibleProperty());
        bindRolloutChooser();
        frame.statusText.textProperty().bind(viewModel.statusTextProperty());
        viewModel.announcementProperty().addListener((obs, old, sentence) -> {
            if (sentence != null && frame.statusBar.getScene() != null && frame.statusBar.getScene().getWindow() != null) {
                Notifications.create().title("Rollout Control Room").text(sentence).owner(frame.statusBar.getScene().getWindow())
                        .hideAfter(javafx.util.Duration.seconds(10)).showInformation();
            }
        });
        passwords.setId("main-passwords");
        passwords.textProperty().bind(viewModel.passwordsProperty());
        passwords.setMinWidth(Region.USE_PREF_SIZE); // the data folder may be shortened, this sentence not
        frame.statusRight.getChildren().setAll(passwords, new Separator(Orientation.VERTICAL), new Label(viewModel.versionText()));
        frame.themeToggle.setGraphic(new FontIcon(THEME_ICON));
        // a navigation toggle clicked twice would leave nothing selected; keep the current one lit
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        viewModel.selectedScreenProperty().addListener((obs, old, screen) -> show(screen));
        if (!screenAfterFirstFrame) {
            showSelectedScreen();
        }
        return frame.root;
    }

    /**
     * Builds (once) and shows the screen the navigation has selected. The first call also gives the frame its
     * tooltips: no first frame shows one, and building the first costs the start about 40 ms.
     */
    public void showSelectedScreen() {
        if (!tooltipsAdded) {
            tooltipsAdded = true;
            addTooltips();
        }
        show(viewModel.selectedScreenProperty().get());
    }

    private void addTooltips() {
        for (Toggle toggle : navigation.getToggles()) {
            Screen screen = (Screen) toggle.getUserData();
            ((ToggleButton) toggle).setTooltip(new Tooltip(screen.title() + " (" + Shortcuts.screen(screen).getDisplayText() + ")"));
        }
        frame.themeToggle.setTooltip(new Tooltip("Switch between light and dark (" + Shortcuts.THEME.getDisplayText() + ")"));
        frame.presentToggle.setTooltip(new Tooltip("Present: hide host names, users, paths and secrets ("
                + Shortcuts.PRESENTATION.getDisplayText() + ")"));
        // a long rollout name is cut in the sidebar, so its tooltip says it whole
        Tooltip fullName = new Tooltip();
        fullName.textProperty().bind(viewModel.rolloutTooltipBinding());
        frame.rolloutChooser.setTooltip(fullName);
        Tooltip passwordsDetail = new Tooltip();
        passwordsDetail.textProperty().bind(viewModel.passwordsDetailProperty());
        passwords.setTooltip(passwordsDetail);
    }

    /** The banner, the sidebar's toggle and the root's style class (larger type, high contrast) follow the mode. */
    private void bindPresentationMode() {
        frame.presentationBanner.setText(viewModel.bannerText());
        frame.presentationBanner.visibleProperty().bind(viewModel.presentingProperty());
        frame.presentationBanner.managedProperty().bind(frame.presentationBanner.visibleProperty());
        frame.presentToggle.setGraphic(new FontIcon(PRESENT_ICON));
        viewModel.presentingProperty().addListener((obs, old, on) -> markPresenting(on));
        markPresenting(viewModel.presentingProperty().get());
    }

    private void markPresenting(boolean on) {
        Parent root = frame.root;
        if (on && !root.getStyleClass().contains(PRESENTING)) {
            root.getStyleClass().add(PRESENTING);
        } else if (!on) {
            root.getStyleClass().remove(PRESENTING);
        }
        frame.presentToggle.setText(on ? "Stop presenting" : "Present");
    }

    /** Alt+R reaches it. */
    private void bindRolloutChooser() {
        frame.rolloutLabel.setLabelFor(frame.rolloutChooser);
        RolloutMenu.bind(frame.rolloutChooser, viewModel.rollouts(), viewModel.currentRolloutProperty(),
                viewModel.rolloutPromptBinding(), viewModel::refreshRollouts);
    }

    /** Every main action has a key; F1 or ? lists them (see {@link Shortcuts}). */
    private void installKeys() {
        frame.themeToggle.setId(Shortcuts.THEME_BUTTON_ID);
        WindowKeys keys = new WindowKeys(viewModel, () -> frame.content.getChildren().isEmpty() ? null : frame.content.getChildren().get(0),
                viewModel::togglePresenting);
        frame.navigationBar.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                keys.install(scene);
            }
        });
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
        frame.content.getChildren().setAll(screenViews.viewFor(screen));
        navigation.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == screen)
                .findFirst()
                .ifPresent(toggle -> toggle.setSelected(true));
    }
}
