package com.rolloutcontrolroom.services.rollout;

import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.services.settings.SettingsFile;

/** Which rollout the window and `run` work on: chosen in the window header or with `rollout use`, remembered in settings. */
public final class CurrentRollout {

    static final String KEY = "currentRollout";

    private final SettingsFile settings;

    public CurrentRollout(SettingsFile settings) {
        this.settings = settings;
    }

    public Optional<String> remembered() {
        return settings.get(KEY).filter(name -> !name.isBlank());
    }

    public void remember(String rollout) {
        settings.set(KEY, rollout);
    }

    /**
     * The rollout to work on: the one named (a {@code --rollout}), else the remembered one if it still
     * exists, else the only one; refused in one sentence when none can be told.
     */
    public String resolve(String named, List<String> existing) {
        if (named != null && !named.isBlank()) {
            if (!existing.contains(named)) {
                throw new MoveRefused(existing.isEmpty()
                        ? "There is no rollout '" + named + "' in this data folder; create one with `rollout new`."
                        : "There is no rollout '" + named + "'; pick one of " + String.join(", ", existing) + ".");
            }
            return named;
        }
        Optional<String> remembered = remembered().filter(existing::contains);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        if (existing.size() == 1) {
            return existing.get(0);
        }
        throw new MoveRefused(existing.isEmpty()
                ? "There is no rollout in this data folder yet; create one with `rollout new NAME`."
                : "Several rollouts exist (" + String.join(", ", existing) + "); choose one with `rollout use NAME` or --rollout NAME.");
    }
}
