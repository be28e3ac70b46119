package com.rolloutcontrolroom.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.rolloutcontrolroom.testsupport.FxWait;

/** The header's rollout chooser on its own: what it says, what it lists, what a choice does. */
@ExtendWith(ApplicationExtension.class)
class RolloutMenuTest {

    private final ObservableList<String> rollouts = FXCollections.observableArrayList();
    private final StringProperty current = new SimpleStringProperty();
    private final StringBinding prompt = Bindings.createStringBinding(
            () -> rollouts.isEmpty() ? "No rollout yet" : "Choose a rollout", rollouts);
    private final AtomicInteger opened = new AtomicInteger();
    private MenuButton button;

    @Start
    void start(Stage stage) {
        button = new MenuButton(); // a control needs the toolkit, which is up only once @Start runs
        RolloutMenu.bind(button, rollouts, current, prompt, opened::incrementAndGet);
        stage.setScene(new Scene(new StackPane(button), 400, 300));
        stage.show();
    }

    @Test
    void withNoRolloutItSaysSoAndOffersNothingToChoose(FxRobot robot) {
        assertThat(button.getText()).isEqualTo("No rollout yet");
        assertThat(button.getItems()).singleElement().satisfies(item -> {
            assertThat(item.getText()).isEqualTo("No rollout yet");
            assertThat(item.isDisable()).isTrue();
        });
    }

    @Test
    void itListsTheRolloutsChecksTheCurrentOneAndAClickMakesAnotherCurrent(FxRobot robot) throws Exception {
        robot.interact(() -> rollouts.setAll("CHECKOUT_V2", "SEARCH_V3"));
        assertThat(button.getText()).isEqualTo("Choose a rollout");
        assertThat(button.getItems()).extracting(MenuItem::getText).containsExactly("CHECKOUT_V2", "SEARCH_V3");
        assertThat(button.getItems()).noneMatch(item -> ((RadioMenuItem) item).isSelected());

        robot.interact(() -> current.set("CHECKOUT_V2"));
        assertThat(button.getText()).isEqualTo("CHECKOUT_V2");
        assertThat(checked()).isEqualTo("CHECKOUT_V2");

        robot.clickOn(button);
        FxWait.until(5, button::isShowing);
        assertThat(opened.get()).as("the rollouts are read again as it opens").isEqualTo(1);
        robot.clickOn("SEARCH_V3");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(current.get()).isEqualTo("SEARCH_V3");
        assertThat(button.getText()).isEqualTo("SEARCH_V3");
        assertThat(checked()).isEqualTo("SEARCH_V3");
    }

    @Test
    void theSameNamesReadAgainKeepTheItemsAndNewNamesReplaceThem(FxRobot robot) {
        robot.interact(() -> {
            rollouts.setAll("A_V1", "B_V1");
            current.set("B_V1");
        });
        MenuItem first = button.getItems().get(0);
        robot.interact(() -> rollouts.setAll("A_V1", "B_V1"));
        assertThat(button.getItems().get(0)).as("an open menu is not rebuilt under the pointer").isSameAs(first);

        robot.interact(() -> rollouts.setAll("A_V1", "B_V1", "C_V1"));
        assertThat(button.getItems()).extracting(MenuItem::getText).containsExactly("A_V1", "B_V1", "C_V1");
        assertThat(checked()).as("the current one stays checked").isEqualTo("B_V1");

        robot.interact(rollouts::clear);
        assertThat(button.getItems()).extracting(MenuItem::getText).containsExactly("No rollout yet");
    }

    @Test
    void anUnderscoreInANameIsText(FxRobot robot) {
        robot.interact(() -> {
            rollouts.setAll("FEATURE_ASSIGNMENT_PIPELINE_V3");
            current.set("FEATURE_ASSIGNMENT_PIPELINE_V3");
        });
        assertThat(button.getItems().get(0).isMnemonicParsing()).isFalse();
        assertThat(button.getItems().get(0).getText()).isEqualTo("FEATURE_ASSIGNMENT_PIPELINE_V3");
    }

    private String checked() {
        return button.getItems().stream().filter(item -> ((RadioMenuItem) item).isSelected())
                .map(MenuItem::getText).reduce((a, b) -> a + "," + b).orElse(null);
    }
}
