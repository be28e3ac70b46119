package com.rolloutcontrolroom.ui.rollout;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.signoff.SignOffRole;
import com.rolloutcontrolroom.ui.common.DialogQuestion;
import com.rolloutcontrolroom.ui.common.DialogService;

/**
 * The question Sign off… asks: which of the six roles (each saying who has already signed it), who signs and
 * what they add, under the journal head the sign-off will approve. The answers are kept until the sign-off is
 * in the journal, so a refused one (the journal grew meanwhile) opens again with what was typed.
 */
final class SignOffDialog {

    private final DialogService dialogs;
    private List<String> draft = List.of();
    private SignOffRole draftRole;

    SignOffDialog(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    Optional<SignOffAnswer> ask(RolloutState state, ChainHead head) {
        List<String> roles = roleChoices(state);
        SignOffRole suggested = draftRole != null ? draftRole
                : Arrays.stream(SignOffRole.values()).filter(role -> signers(state, role).isEmpty()).findFirst()
                        .orElse(SignOffRole.values()[0]);
        String message = "Sign off " + state.rollout() + ". " + headSentence(head)
                + " A record written after it is not covered by this sign-off.";
        Optional<List<String>> answers = dialogs.ask("Sign off", message, List.of(
                DialogQuestion.choice("_Role", roles.get(suggested.ordinal()), roles),
                DialogQuestion.text("_Name", draft(1, "")),
                DialogQuestion.lines("Co_mment", draft(2, ""))), "Sign off");
        return answers.map(typed -> {
            draft = typed;
            draftRole = SignOffRole.values()[Math.max(0, roles.indexOf(typed.get(0)))];
            return new SignOffAnswer(draftRole, typed.get(1), typed.get(2));
        });
    }

    /** "You approve the journal up to record 12, hash 3f9a1c2e…." */
    static String headSentence(ChainHead head) {
        return "You approve the journal up to record " + head.id() + ", hash " + ChainHash.abbreviate(head.hash()) + ".";
    }

    /** One line per role in the report's order: "QA (Coordinator tests verified)", then who has signed it. */
    static List<String> roleChoices(RolloutState state) {
        return Arrays.stream(SignOffRole.values()).map(role -> {
            Set<String> signers = signers(state, role);
            return role.label() + (signers.isEmpty() ? " — not signed yet" : " — signed by " + String.join(", ", signers));
        }).toList();
    }

    private static Set<String> signers(RolloutState state, SignOffRole role) {
        Set<String> names = new LinkedHashSet<>();
        for (Recorded<SignedOff> signOff : state.signOffs()) {
            if (SignOffRole.parse(signOff.entry().role()).filter(role::equals).isPresent()) {
                names.add(signOff.entry().name());
            }
        }
        return names;
    }

    /** After the sign-off is journaled, or when another rollout becomes current. */
    void forget() {
        draft = List.of();
        draftRole = null;
    }

    private String draft(int index, String fallback) {
        return index < draft.size() ? draft.get(index) : fallback;
    }

    record SignOffAnswer(SignOffRole role, String name, String comment) {
    }
}
