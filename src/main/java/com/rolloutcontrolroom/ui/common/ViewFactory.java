package com.rolloutcontrolroom.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.function.Supplier;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads FXML and builds each controller through its registered constructor call, so Views get
 * their ViewModels by constructor injection. An FXML that names an unregistered controller fails
 * at once instead of being reflectively instantiated with no dependencies.
 */
public final class ViewFactory {

    private final Map<Class<?>, Supplier<?>> controllers;

    public ViewFactory(Map<Class<?>, Supplier<?>> controllers) {
        this.controllers = Map.copyOf(controllers);
    }

    public Parent load(FxmlView view) {
        return load(view, this::createController);
    }

    /** For a view whose controller is built by the caller (one FXML used with several ViewModels). */
    public Parent load(FxmlView view, Object controller) {
        return load(view, type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(view + " expects a " + type.getName() + " controller, got " + controller.getClass().getName());
            }
            return controller;
        });
    }

    private Parent load(FxmlView view, javafx.util.Callback<Class<?>, Object> controllerFactory) {
        URL location = ViewFactory.class.getResource(view.resourcePath());
        if (location == null) {
            throw new IllegalStateException("FXML file missing from the build: " + view.resourcePath());
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setControllerFactory(controllerFactory);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + view.resourcePath(), e);
        }
    }

    private Object createController(Class<?> type) {
        Supplier<?> supplier = controllers.get(type);
        if (supplier == null) {
            throw new IllegalStateException("No controller registered for " + type.getName()
                    + "; add it to the composition root's view registry.");
        }
        return supplier.get();
    }
}
