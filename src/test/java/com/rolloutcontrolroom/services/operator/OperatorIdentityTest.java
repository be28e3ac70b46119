package com.rolloutcontrolroom.services.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorIdentityTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToTheOsUserAndPersistsTheDisplayName() throws IOException {
        OperatorIdentity identity = OperatorIdentity.forCurrentUser(new AppHome(dir));
        String login = System.getProperty("user.name");
        assertThat(identity.current().login()).isEqualTo(login);
        assertThat(identity.current().displayName()).isEqualTo(login);

        identity.setDisplayName("  Ana Ruiz ");
        assertThat(OperatorIdentity.forCurrentUser(new AppHome(dir)).current().displayName()).isEqualTo("Ana Ruiz");
        assertThat(Files.readString(dir.resolve("settings.json"))).contains("\"operator.displayName\" : \"Ana Ruiz\"");

        assertThat(identity.setDisplayName(" ").displayName()).isEqualTo(login);
    }

    @Test
    void keepsOtherSettingsAndRefusesControlCharacters() {
        SettingsFile settings = new SettingsFile(dir.resolve("settings.json"));
        settings.set("theme", "dark");
        OperatorIdentity identity = new OperatorIdentity("ana", settings);
        identity.setDisplayName("Ana");
        assertThat(settings.get("theme")).contains("dark");
        assertThatThrownBy(() -> identity.setDisplayName("Ana\nRuiz")).hasMessageContaining("on one line");
    }
}
