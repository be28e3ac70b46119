package com.rolloutcontrolroom.services.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rolloutcontrolroom.domain.rollout.GateResult;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.PhaseGates;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.domain.schedule.CheckpointState;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;
import com.rolloutcontrolroom.services.notify.Notice;
import com.rolloutcontrolroom.services.notify.NoticeKind;

/**
 * What changed since the last look, as notices: a checkpoint that became due, late, missed or ERROR,
 * one that was taken (with its verdict), and a gate whose verdict changed. The first look at a rollout
 * only learns where it stands, so a restart does not announce old news again.
 */
final class LedgerNotices {

    private final Map<String, CheckpointState> checkpoints = new HashMap<>();
    private final Map<String, GateResult> gates = new HashMap<>();

    List<Notice> look(RolloutState state, Instant now) {
        List<Notice> notices = new ArrayList<>();
        boolean firstLook = !gates.containsKey(state.rollout());
        for (LedgerEntry entry : CheckpointLedger.of(state, now).entries()) {
            String key = state.rollout() + "|" + entry.phase() + "|" + entry.visitMarker() + "|" + entry.label();
            CheckpointState before = checkpoints.put(key, entry.state());
            if (!firstLook && before != entry.state()) {
                notice(state.rollout(), entry, now).ifPresent(notices::add);
            }
        }
        GateStatus gate = PhaseGates.current(state, now);
        GateResult before = gates.put(state.rollout(), gate.result());
        if (!firstLook && before != gate.result()) {
            String reason = gate.reasons().isEmpty() ? "" : ": " + gate.reasons().get(0);
            notices.add(new Notice(NoticeKind.VERDICT_CHANGED, state.rollout(), now, "The " + state.currentPhaseName() + " gate is now "
                    + gate.result().label().toLowerCase(Locale.ROOT) + reason.replace('\n', ' ')));
        }
        return notices;
    }

    private static java.util.Optional<Notice> notice(String rollout, LedgerEntry entry, Instant now) {
        NoticeKind kind = switch (entry.state()) {
            case DUE -> NoticeKind.CHECKPOINT_DUE;
            case OVERDUE -> NoticeKind.CHECKPOINT_LATE;
            case MISSED -> NoticeKind.CHECKPOINT_MISSED;
            case ERROR -> NoticeKind.CHECKPOINT_ERROR;
            case TAKEN, TAKEN_LATE -> NoticeKind.CHECKPOINT_TAKEN;
            default -> null;
        };
        if (kind == null) {
            return java.util.Optional.empty();
        }
        String sentence = entry.describe();
        if (entry.state().taken()) {
            sentence += ": " + entry.taken().entry().verdicts().get(0).outcome();
        }
        return java.util.Optional.of(new Notice(kind, rollout, now, sentence + "."));
    }
}
