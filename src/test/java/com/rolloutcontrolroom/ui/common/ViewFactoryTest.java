package com.rolloutcontrolroom.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javafx.scene.Parent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import com.rolloutcontrolroom.ui.placeholder.PlaceholderView;
import com.rolloutcontrolroom.ui.placeholder.PlaceholderViewModel;

@ExtendWith(ApplicationExtension.class)
class ViewFactoryTest {

    @Test
    void failsFastForAControllerNobodyRegistered() {
        ViewFactory factory = new ViewFactory(Map.of());
        assertThatThrownBy(() -> factory.load(FxmlView.DASHBOARD))
                .hasStackTraceContaining("No controller registered for com.rolloutcontrolroom.ui.dashboard.DashboardView");
    }

    @Test
    void buildsTheControllerThroughItsRegisteredConstructorCall() {
        AtomicInteger built = new AtomicInteger();
        ViewFactory factory = new ViewFactory(Map.<Class<?>, Supplier<?>>of(PlaceholderView.class, () -> {
            built.incrementAndGet();
            return new PlaceholderView(new PlaceholderViewModel("Rollout", "phases"));
        }));
        Parent view = factory.load(FxmlView.PLACEHOLDER);
        assertThat(built).hasValue(1);
        assertThat(view.lookup(".title-1")).hasFieldOrPropertyWithValue("text", "Rollout");
    }

    @Test
    void everyFxmlFileShipsWithTheBuild() {
        for (FxmlView view : FxmlView.values()) {
            assertThat(ViewFactory.class.getResource(view.resourcePath())).as(view.resourcePath()).isNotNull();
        }
    }
}
