package com.rolloutcontrolroom.ui.placeholder;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Says plainly what a screen will hold until it is built. */
public final class PlaceholderView {

    private final PlaceholderViewModel viewModel;

    @FXML private Label title;
    @FXML private Label purpose;

    public PlaceholderView(PlaceholderViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        title.setText(viewModel.title());
        purpose.setText(viewModel.purpose());
    }
}
