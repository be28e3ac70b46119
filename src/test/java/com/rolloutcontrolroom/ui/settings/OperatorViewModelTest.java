package com.rolloutcontrolroom.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;

class OperatorViewModelTest {

    @TempDir
    Path home;

    private OperatorViewModel viewModel() {
        OperatorViewModel viewModel = new OperatorViewModel(OperatorIdentity.forCurrentUser(new AppHome(home)), new CurrentThreadTaskExecutor());
        viewModel.load();
        return viewModel;
    }

    @Test
    void startsAsTheOsUserAndSavesADisplayNameThatTheNextSessionSees() {
        OperatorViewModel viewModel = viewModel();
        String login = System.getProperty("user.name");
        assertThat(viewModel.loginProperty().get()).isEqualTo(login);
        assertThat(viewModel.displayNameProperty().get()).isEqualTo(login);
        assertThat(viewModel.canSaveProperty().get()).isFalse();

        viewModel.displayNameProperty().set("  Ana Ruiz ");
        assertThat(viewModel.canSaveProperty().get()).isTrue();
        viewModel.save();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Saved: new journal records say Ana Ruiz (" + login + ").");
        assertThat(viewModel.canSaveProperty().get()).isFalse();

        assertThat(viewModel().displayNameProperty().get()).isEqualTo("Ana Ruiz");
        assertThat(OperatorIdentity.forCurrentUser(new AppHome(home)).current().displayName()).isEqualTo("Ana Ruiz");
    }

    @Test
    void aDisplayNameTooLongIsOneSentenceAndNothingIsLost() {
        OperatorViewModel viewModel = viewModel();
        viewModel.displayNameProperty().set("x".repeat(101));
        viewModel.save();
        assertThat(viewModel.errorProperty().get()).isEqualTo("Display name is longer than 100 characters; shorten it.");
        assertThat(viewModel.displayNameProperty().get()).hasSize(101);
        assertThat(OperatorIdentity.forCurrentUser(new AppHome(home)).current().displayName()).isEqualTo(System.getProperty("user.name"));
    }
}
