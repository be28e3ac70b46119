package com.rolloutcontrolroom.ui.rollout;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.domain.rollout.PlanFormatException;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.services.rollout.BuiltInTemplate;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.ui.common.DialogQuestion;
import com.rolloutcontrolroom.ui.common.DialogService;

/**
 * What New rollout asks and journals: the built-in plan under the name typed, on two configured
 * environments. The answers are kept until the rollout is created, so a refusal asks again with them.
 */
final class NewRollout {

    private final Rollouts rollouts;
    private final Supplier<List<String>> environmentNames;
    private final DialogService dialogs;
    private List<String> draft = List.of();

    NewRollout(Rollouts rollouts, Supplier<List<String>> environmentNames, DialogService dialogs) {
        this.rollouts = rollouts;
        this.environmentNames = environmentNames;
        this.dialogs = dialogs;
    }

    /** Blocking (the journal, the configured environments): what the form starts with. */
    Offer offer() {
        String template = BuiltInTemplate.plan().rollout();
        // the template's own name is only a good guess while no rollout has it
        return new Offer(rollouts.names().contains(template) ? "" : template, environmentNames.get());
    }

    Optional<Answer> ask(Offer offer) {
        String message = "Starts a rollout from the built-in plan (Preparation to Legacy cleanup, with its checklists and"
                + " gates). Staging and production name configured environments: " + String.join(", ", offer.environments()) + ".";
        Optional<List<String>> answers = dialogs.ask("New rollout", message, List.of(
                DialogQuestion.text("Rollout _name", draft(0, offer.name())),
                DialogQuestion.text("_Staging environment", draft(1, BuiltInTemplate.STAGING)),
                DialogQuestion.text("_Production environment", draft(2, BuiltInTemplate.PRODUCTION))), "Create rollout");
        answers.ifPresent(typed -> draft = typed);
        return answers.map(typed -> new Answer(typed.get(0).strip(), typed.get(1).strip(), typed.get(2).strip()));
    }

    /**
     * Blocking: journals the plan; the rollout starts in Preparation.
     *
     * @return the new rollout's name
     * @throws MoveRefused for a name taken or malformed, or an environment that is not configured
     */
    String create(Answer answer) {
        List<String> configured = environmentNames.get();
        requireConfigured("staging", answer.staging(), configured);
        requireConfigured("production", answer.production(), configured);
        RolloutPlan plan;
        try {
            plan = BuiltInTemplate.plan(answer.name(), answer.staging(), answer.production());
        } catch (PlanFormatException malformed) {
            throw new MoveRefused(malformed.path().equals("rollout") ? "The rollout name " + malformed.reason() + "."
                    : malformed.getMessage());
        }
        return rollouts.create(plan).rollout();
    }

    /** After the rollout is journaled. */
    void forget() {
        draft = List.of();
    }

    private static void requireConfigured(String role, String environment, List<String> configured) {
        if (!configured.contains(environment)) {
            throw new MoveRefused("The " + role + " environment '" + environment + "' is not configured; use one of "
                    + String.join(", ", configured) + " (Settings adds others).");
        }
    }

    private String draft(int index, String fallback) {
        return index < draft.size() ? draft.get(index) : fallback;
    }

    record Offer(String name, List<String> environments) {
    }

    record Answer(String name, String staging, String production) {
    }
}
