package com.rolloutcontrolroom.services.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AppHomeTest {

    private final Path userHome = Path.of("/home/rm");

    @Test
    void controlRoomHomeMovesTheDataFolder() {
        AppHome home = AppHome.resolve(Map.of("CONTROL_ROOM_HOME", "/srv/cutover"), "Linux", userHome);
        assertThat(home.root()).isEqualTo(Path.of("/srv/cutover"));
        assertThat(home.journal()).isEqualTo(Path.of("/srv/cutover/journal.sqlite"));
    }

    @Test
    void linuxFollowsXdgDataHome() {
        assertThat(AppHome.resolve(Map.of(), "Linux", userHome).root())
                .isEqualTo(Path.of("/home/rm/.local/share/rollout-control-room"));
        assertThat(AppHome.resolve(Map.of("XDG_DATA_HOME", "/data"), "Linux", userHome).root())
                .isEqualTo(Path.of("/data/rollout-control-room"));
    }

    @Test
    void macAndWindowsUseTheirApplicationDataFolders() {
        assertThat(AppHome.resolve(Map.of(), "Mac OS X", userHome).root())
                .isEqualTo(Path.of("/home/rm/Library/Application Support/Rollout Control Room"));
        assertThat(AppHome.resolve(Map.of("APPDATA", "/appdata"), "Windows 11", userHome).root())
                .isEqualTo(Path.of("/appdata/Rollout Control Room"));
    }
}
