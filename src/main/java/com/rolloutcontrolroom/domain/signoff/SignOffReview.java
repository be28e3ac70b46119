package com.rolloutcontrolroom.domain.signoff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.PhaseVisit;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutPhases;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.signoff.SignOffFinding.Kind;

/**
 * What each sign-off of a rollout covers and what an auditor should know about it: the head it pinned,
 * evidence recorded after that head, one person in roles that must be separate people, and a signer who
 * deployed, overrode a gate or accepted a warning in what they approve. Pure: the rollout's read model
 * and the journal's record hashes in, sentences out.
 */
public final class SignOffReview {

    private final List<SignOffCoverage> coverage;
    private final List<SignOffFinding> findings;

    private SignOffReview(List<SignOffCoverage> coverage, List<SignOffFinding> findings) {
        this.coverage = List.copyOf(coverage);
        this.findings = List.copyOf(findings);
    }

    /** @param records the journal's records (at least those a sign-off may pin), to find each pinned head's record */
    public static SignOffReview of(RolloutState state, List<StoredEntry> records) {
        Map<String, Long> idByHash = new HashMap<>();
        records.forEach(record -> idByHash.put(record.hash(), record.id()));
        return of(state, idByHash);
    }

    /** @param recordIdByHash each record's id by its hash */
    public static SignOffReview of(RolloutState state, Map<String, Long> recordIdByHash) {
        List<Recorded<SignedOff>> signOffs = state.signOffs();
        List<SignOffCoverage> coverage = new ArrayList<>();
        for (Recorded<SignedOff> signOff : signOffs) {
            SignOffRole role = SignOffRole.parse(signOff.entry().role()).orElse(null);
            Long pinned = recordIdByHash.get(signOff.entry().approvedHeadHash());
            Long supersededBy = signOffs.stream()
                    .filter(later -> later.id() > signOff.id() && sameRole(later, signOff))
                    .map(Recorded::id).reduce((a, b) -> b).orElse(null);
            coverage.add(new SignOffCoverage(signOff, role, pinned, approvedPhase(state, signOff, role),
                    pinned == null ? List.of() : laterEvidence(state, pinned), supersededBy));
        }
        List<SignOffFinding> findings = new ArrayList<>();
        for (SignOffCoverage covered : coverage) {
            findings.addAll(findingsOf(state, covered, coverage));
        }
        return new SignOffReview(coverage, findings);
    }

    /** Every sign-off, in the order they were recorded. */
    public List<SignOffCoverage> coverage() {
        return coverage;
    }

    /** Every finding, by sign-off in the order recorded, then by kind. */
    public List<SignOffFinding> findings() {
        return findings;
    }

    public List<SignOffFinding> findingsOf(long signOffRecordId) {
        return findings.stream().filter(f -> f.signOffRecordId() == signOffRecordId).toList();
    }

    /** The sign-off of a role in force (the latest), if the role was signed. */
    public Optional<SignOffCoverage> current(SignOffRole role) {
        return coverage.stream().filter(c -> c.role() == role && c.inForce()).reduce((a, b) -> b);
    }

    /** Names compare ignoring case and spaces: "ana ruiz" and "Ana  Ruiz" are one person (the same key). */
    public static String person(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    /**
     * Whether a recorded actor is the signer. A deployer defaulted from the operator reads "Ana Ruiz (ana)":
     * the display name and the login inside the parentheses each count as that person.
     */
    static boolean isSigner(String signer, String actor) {
        if (actor == null) {
            return false;
        }
        String who = person(signer);
        if (who.isEmpty()) {
            return false;
        }
        if (who.equals(person(actor))) {
            return true;
        }
        int open = actor.lastIndexOf(" (");
        if (open > 0 && actor.endsWith(")")) {
            return who.equals(person(actor.substring(0, open))) || who.equals(person(actor.substring(open + 2, actor.length() - 1)));
        }
        return false;
    }

    private static boolean sameRole(Recorded<SignedOff> a, Recorded<SignedOff> b) {
        Optional<SignOffRole> known = SignOffRole.parse(a.entry().role());
        return known.isPresent() ? known.equals(SignOffRole.parse(b.entry().role()))
                : person(a.entry().role()).equals(person(b.entry().role()));
    }

    /**
     * The phase current when it was signed; a rollout-stage role signed in the last phase or after it
     * approves the whole rollout (its "post-production success" is the whole rollout's).
     */
    private static String approvedPhase(RolloutState state, Recorded<SignedOff> signOff, SignOffRole role) {
        String phase = signOff.phase();
        boolean lastOrDone = phase == null || RolloutPhases.DONE.equalsIgnoreCase(phase)
                || state.plan().indexOf(phase) == state.plan().phases().size() - 1;
        if (role != null && role.stage() == SignOffRole.Stage.ROLLOUT && lastOrDone) {
            return null;
        }
        return phase;
    }

    private static List<LaterEvidence> laterEvidence(RolloutState state, long pinned) {
        List<LaterEvidence> later = new ArrayList<>();
        add(later, "snapshot", state.snapshots().stream().map(Recorded::id), pinned);
        add(later, "deployment marker", state.visits().stream().map(PhaseVisit::recordId), pinned);
        add(later, "rollback", state.rollbacks().stream().map(Recorded::id), pinned);
        add(later, "issue", state.issues().stream().map(Recorded::id), pinned);
        add(later, "gate override", state.overrides().stream().map(Recorded::id), pinned);
        add(later, "accepted warning", state.acceptedWarnings().stream().map(Recorded::id), pinned);
        add(later, "plan amendment", state.amendments().stream().map(Recorded::id), pinned);
        add(later, "test outcome", state.testOutcomes().stream().map(Recorded::id), pinned);
        return later;
    }

    private static void add(List<LaterEvidence> later, String kind, Stream<Long> ids, long pinned) {
        List<Long> after = ids.filter(id -> id > pinned).sorted().toList();
        if (!after.isEmpty()) {
            later.add(new LaterEvidence(kind, after));
        }
    }

    private static List<SignOffFinding> findingsOf(RolloutState state, SignOffCoverage covered, List<SignOffCoverage> all) {
        SignedOff signed = covered.signOff().entry();
        String who = signed.name() + " (" + covered.roleLabel() + ", record #" + covered.signOff().id() + ")";
        List<SignOffFinding> findings = new ArrayList<>();
        if (covered.role() == null) {
            findings.add(finding(Kind.UNKNOWN_ROLE, covered, who + " signs '" + signed.role()
                    + "', which is none of the report's sign-off roles."));
        }
        if (covered.pinnedRecordId() == null) {
            findings.add(finding(Kind.UNKNOWN_HEAD, covered, who + " pins a head that is not in this journal (hash "
                    + signed.approvedHeadHash() + "), so what was approved cannot be shown."));
        }
        if (!covered.inForce()) {
            findings.add(finding(Kind.SUPERSEDED, covered, who + " is superseded by the later " + covered.roleLabel()
                    + " sign-off, record #" + covered.supersededBy() + "."));
            return findings;
        }
        if (!covered.laterEvidence().isEmpty()) {
            findings.add(finding(Kind.EVIDENCE_AFTER, covered, "Evidence was recorded after " + who + " pinned record #"
                    + covered.pinnedRecordId() + ": " + String.join(", ", covered.laterEvidence().stream()
                    .map(LaterEvidence::describe).toList()) + "."));
        }
        findings.addAll(samePerson(covered, all, who));
        findings.addAll(ownActions(state, covered, who));
        return findings;
    }

    /** One finding per other role in force that this person also signed and that must be someone else. */
    private static List<SignOffFinding> samePerson(SignOffCoverage covered, List<SignOffCoverage> all, String who) {
        if (covered.role() == null) {
            return List.of();
        }
        return all.stream()
                .filter(other -> other.inForce() && other.role() != null && other != covered)
                .filter(other -> covered.role().mustBeSeparateFrom().contains(other.role()))
                .filter(other -> person(other.signOff().entry().name()).equals(person(covered.signOff().entry().name())))
                .map(other -> finding(Kind.SAME_PERSON, covered, who + " also signed " + other.roleLabel() + " (record #"
                        + other.signOff().id() + "); " + covered.roleLabel() + " and " + other.roleLabel()
                        + " must be signed by different people."))
                .toList();
    }

    private static List<SignOffFinding> ownActions(RolloutState state, SignOffCoverage covered, String who) {
        String name = covered.signOff().entry().name();
        String scope = covered.wholeRollout() ? "the rollout" : covered.approvedPhase();
        Predicate<String> inScope = phase -> covered.wholeRollout() || (phase != null && phase.equalsIgnoreCase(covered.approvedPhase()));
        List<SignOffFinding> findings = new ArrayList<>();
        List<Long> deployed = state.visits().stream()
                .filter(visit -> inScope.test(visit.toPhase()) && isSigner(name, visit.deployedBy()))
                .map(PhaseVisit::recordId).toList();
        if (!deployed.isEmpty()) {
            findings.add(finding(Kind.DEPLOYED, covered, who + " also deployed in " + scope + " ("
                    + ids(deployed) + ") and approves it."));
        }
        List<Long> overrode = state.overrides().stream()
                .filter(o -> inScope.test(o.entry().phase()) && isSigner(name, o.entry().who()))
                .map(Recorded::id).toList();
        if (!overrode.isEmpty()) {
            findings.add(finding(Kind.OVERRODE_GATE, covered, who + " also approved a gate override in " + scope + " ("
                    + ids(overrode) + ") and approves it."));
        }
        List<Long> accepted = state.acceptedWarnings().stream()
                .filter(a -> inScope.test(a.entry().phase()) && isSigner(name, a.entry().who()))
                .map(Recorded::id).toList();
        if (!accepted.isEmpty()) {
            findings.add(finding(Kind.ACCEPTED_WARNING, covered, who + " also accepted a gate warning in " + scope + " ("
                    + ids(accepted) + ") and approves it."));
        }
        return findings;
    }

    private static String ids(List<Long> ids) {
        return (ids.size() == 1 ? "record " : "records ") + String.join(", ", ids.stream().map(id -> "#" + id).toList());
    }

    private static SignOffFinding finding(Kind kind, SignOffCoverage covered, String sentence) {
        return new SignOffFinding(kind, covered.signOff().id(), covered.roleLabel(), covered.signOff().entry().name(), sentence);
    }
}
