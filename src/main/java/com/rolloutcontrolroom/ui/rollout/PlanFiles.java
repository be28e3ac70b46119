package com.rolloutcontrolroom.ui.rollout;

import java.util.List;
import java.util.function.Consumer;

import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.rollout.PlanFile;
import com.rolloutcontrolroom.ui.common.DialogQuestion;
import com.rolloutcontrolroom.ui.common.DialogService;

/** The Plan menu: the plan in force out to a file, and an edited file back in as an amendment with its reason. */
final class PlanFiles {

    private final DialogService dialogs;
    private final ScreenWork work;

    PlanFiles(DialogService dialogs, ScreenWork work) {
        this.dialogs = dialogs;
        this.work = work;
    }

    void save(RolloutState state) {
        dialogs.chooseFileToSave("Save the plan of " + state.rollout(), state.rollout() + "-plan.json", "json")
                .ifPresent(file -> work.run(() -> {
                    PlanFile.write(state.plan(), file);
                    return file;
                }, written -> dialogs.showInformation("Plan saved", "Saved the plan of " + state.rollout() + " to " + written
                        + ". Edit it, then use Amend plan… to journal the change."), () -> { }));
    }

    /** Reads the chosen file first, so a malformed one is refused before anyone is asked why; then hands on plan and reason. */
    void amend(RolloutState state, Consumer<Amendment> journal) {
        dialogs.chooseFileToOpen("Amend the plan of " + state.rollout(), "json").ifPresent(file -> work.run(() -> PlanFile.read(file),
                amended -> dialogs.ask("Amend plan", "Why does the plan change? The journal keeps who amended it, why, what"
                                + " changed and both plans.", List.of(DialogQuestion.text("_Reason", "")), "Amend plan")
                        .ifPresent(answers -> journal.accept(new Amendment(amended, answers.get(0)))),
                () -> { }));
    }

    record Amendment(RolloutPlan plan, String reason) {
    }
}
