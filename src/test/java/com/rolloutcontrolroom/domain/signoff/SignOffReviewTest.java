package com.rolloutcontrolroom.domain.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.rolloutcontrolroom.domain.rollout.SmallPlan;
import com.rolloutcontrolroom.domain.signoff.SignOffFinding.Kind;

import org.junit.jupiter.api.Test;

class SignOffReviewTest {

    private final SignOffJournal journal = new SignOffJournal();

    private List<Kind> kinds(long signOff) {
        return journal.review().findingsOf(signOff).stream().map(SignOffFinding::kind).toList();
    }

    @Test
    void aSignOffCoversTheRecordsUpToTheHeadItPinned() {
        journal.move(SmallPlan.PREPARATION, SmallPlan.SHADOW, "Bo Chen");
        journal.snapshot();
        long pinned = journal.head();
        long signed = journal.sign("QA", "Cy Diaz");

        SignOffCoverage coverage = journal.review().coverage().get(0);
        assertThat(coverage.signOff().id()).isEqualTo(signed);
        assertThat(coverage.pinnedRecordId()).isEqualTo(pinned);
        assertThat(coverage.covers()).isEqualTo("records 1–" + pinned);
        assertThat(coverage.role()).isEqualTo(SignOffRole.QA);
        assertThat(coverage.approvedPhase()).isEqualTo(SmallPlan.SHADOW);
        assertThat(coverage.laterEvidence()).isEmpty();
        assertThat(journal.review().findings()).isEmpty();
    }

    @Test
    void evidenceRecordedAfterThePinnedHeadIsCountedByKind() {
        journal.move(SmallPlan.PREPARATION, SmallPlan.SHADOW, "Bo Chen");
        long pinned = journal.head();
        long first = journal.snapshot();
        long second = journal.snapshot();
        long rollback = journal.rollback();
        long issue = journal.issue();
        long marker = journal.move(SmallPlan.SHADOW, SmallPlan.FULL, "Bo Chen");
        long signed = journal.signPinning("QA", "Cy Diaz", SignOffJournal.hashOf(pinned));

        SignOffReview review = journal.review();
        assertThat(review.coverage().get(0).laterEvidence()).containsExactly(
                new LaterEvidence("snapshot", List.of(first, second)),
                new LaterEvidence("deployment marker", List.of(marker)),
                new LaterEvidence("rollback", List.of(rollback)),
                new LaterEvidence("issue", List.of(issue)));
        assertThat(review.findingsOf(signed)).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.EVIDENCE_AFTER);
            assertThat(finding.sentence()).contains("pinned record #" + pinned)
                    .contains("2 snapshots (#" + first + ", #" + second + ")")
                    .contains("1 rollback (#" + rollback + ")").contains("1 issue (#" + issue + ")")
                    .contains("1 deployment marker (#" + marker + ")");
        });
    }

    @Test
    void overridesWarningsAndTestOutcomesAfterThePinAreLaterEvidenceToo() {
        long pinned = journal.head();
        long override = journal.override(SmallPlan.PREPARATION, "Bo Chen");
        long accepted = journal.acceptWarning(SmallPlan.PREPARATION, "Bo Chen");
        long tested = journal.testOutcome();
        journal.signPinning("QA", "Cy Diaz", SignOffJournal.hashOf(pinned));

        assertThat(journal.review().coverage().get(0).laterEvidence()).containsExactly(
                new LaterEvidence("gate override", List.of(override)),
                new LaterEvidence("accepted warning", List.of(accepted)),
                new LaterEvidence("test outcome", List.of(tested)));
    }

    @Test
    void aSignOffPinningTheHeadBeforeItHasNoLaterEvidence() {
        journal.snapshot();
        long signed = journal.sign("QA", "Cy Diaz");
        // records after the sign-off itself are later evidence only once they exist
        assertThat(kinds(signed)).isEmpty();
        long after = journal.snapshot();
        assertThat(journal.review().coverage().get(0).laterEvidence()).containsExactly(new LaterEvidence("snapshot", List.of(after)));
    }

    @Test
    void aHeadThatIsNotInThisJournalIsAFinding() {
        journal.snapshot();
        String foreign = "ab".repeat(32);
        long signed = journal.signPinning("Engineering", "Cy Diaz", foreign);

        SignOffCoverage coverage = journal.review().coverage().get(0);
        assertThat(coverage.pinnedRecordId()).isNull();
        assertThat(coverage.covers()).startsWith("a head that is not in this journal");
        assertThat(coverage.laterEvidence()).as("nothing can be counted after an unknown head").isEmpty();
        assertThat(journal.review().findingsOf(signed)).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.UNKNOWN_HEAD);
            assertThat(finding.sentence()).contains("pins a head that is not in this journal").contains(foreign);
        });
    }

    @Test
    void onePersonInRolesThatMustBeSeparateIsFlaggedOnBothSignOffs() {
        long engineering = journal.sign("Engineering", "Ana Ruiz");
        long qa = journal.sign("QA", "  ana   RUIZ ");

        assertThat(kinds(engineering)).containsExactly(Kind.SAME_PERSON);
        assertThat(kinds(qa)).containsExactly(Kind.SAME_PERSON);
        assertThat(journal.review().findingsOf(qa).get(0).sentence())
                .contains("also signed Engineering (record #" + engineering + ")")
                .contains("QA and Engineering must be signed by different people");
    }

    @Test
    void differentPeopleInSeparateRolesAreNotFlagged() {
        long engineering = journal.sign("Engineering", "Ana Ruiz");
        long qa = journal.sign("QA", "Ana Ruiza");
        assertThat(kinds(engineering)).isEmpty();
        assertThat(kinds(qa)).isEmpty();
    }

    @Test
    void onePersonInRolesThatMayBeHeldTogetherIsNotFlagged() {
        long engineering = journal.sign("Engineering", "Ana Ruiz");
        long design = journal.sign("Design/PM", "Ana Ruiz");
        assertThat(kinds(engineering)).isEmpty();
        assertThat(kinds(design)).isEmpty();
    }

    @Test
    void theThreeRolloutApproversMustBeThreePeople() {
        long lead = journal.sign("Implementation Lead", "Dee Ek");
        long manager = journal.sign("Engineering Manager", "Fay Gu");
        long operations = journal.sign("Operations Lead", "dee ek");
        assertThat(kinds(lead)).containsExactly(Kind.SAME_PERSON);
        assertThat(kinds(manager)).isEmpty();
        assertThat(kinds(operations)).containsExactly(Kind.SAME_PERSON);
    }

    @Test
    void aLaterSignOffOfTheSameRoleSupersedesTheEarlier() {
        long first = journal.sign("QA", "Ana Ruiz");
        journal.sign("Engineering", "Ana Ruiz");
        long second = journal.sign("qa", "Cy Diaz");

        SignOffReview review = journal.review();
        assertThat(review.current(SignOffRole.QA).orElseThrow().signOff().id()).isEqualTo(second);
        assertThat(review.coverage().get(0).supersededBy()).isEqualTo(second);
        assertThat(review.findingsOf(first)).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.SUPERSEDED);
            assertThat(finding.sentence()).contains("superseded by the later QA sign-off, record #" + second);
        });
        // the superseded QA sign-off no longer makes Ana both Engineering and QA
        assertThat(kinds(second)).doesNotContain(Kind.SAME_PERSON);
        assertThat(review.findings()).noneMatch(f -> f.kind() == Kind.SAME_PERSON);
    }

    @Test
    void aSignerWhoDeployedThePhaseTheyApproveIsFlagged() {
        long marker = journal.move(SmallPlan.PREPARATION, SmallPlan.SHADOW, "Bo Chen (bo)");
        long signed = journal.sign("QA", "bo chen");
        assertThat(journal.review().findingsOf(signed)).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.DEPLOYED);
            assertThat(finding.sentence()).contains("also deployed in Staging shadow (record #" + marker + ")");
        });
    }

    @Test
    void aDeployerDefaultedFromTheOperatorIsMatchedByTheirLogin() {
        journal.move(SmallPlan.PREPARATION, SmallPlan.SHADOW, "Bo Chen (bo)");
        long signed = journal.sign("QA", "BO");
        assertThat(kinds(signed)).containsExactly(Kind.DEPLOYED);
    }

    @Test
    void someoneElseDeployingIsNotFlagged() {
        journal.move(SmallPlan.PREPARATION, SmallPlan.SHADOW, "Bo Chen (bo)");
        long signed = journal.sign("QA", "Cy Diaz");
        assertThat(kinds(signed)).isEmpty();
    }

    @Test
    void deployingAnotherPhaseThanTheOneApprovedIsNotFlagged() {
        journal.move(SmallPlan.PREPARATION, SmallPlan.SHADOW, "Bo Chen");
        journal.move(SmallPlan.SHADOW, SmallPlan.FULL, "Cy Diaz");
        long signed = journal.sign("QA", "Bo Chen");
        assertThat(journal.review().coverage().get(0).approvedPhase()).isEqualTo(SmallPlan.FULL);
        assertThat(kinds(signed)).isEmpty();
    }

    @Test
    void aSignerWhoOverrodeTheGateOfThePhaseTheyApproveIsFlagged() {
        long override = journal.override(SmallPlan.PREPARATION, "Cy Diaz");
        long signed = journal.sign("Engineering", "cy diaz");
        assertThat(journal.review().findingsOf(signed)).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.OVERRODE_GATE);
            assertThat(finding.sentence()).contains("gate override in Preparation (record #" + override + ")");
        });
    }

    @Test
    void anOverrideApprovedBySomeoneElseIsNotFlagged() {
        journal.override(SmallPlan.PREPARATION, "Bo Chen");
        long signed = journal.sign("Engineering", "Cy Diaz");
        assertThat(kinds(signed)).isEmpty();
    }

    @Test
    void aSignerWhoAcceptedAWarningInThePhaseTheyApproveIsFlagged() {
        long accepted = journal.acceptWarning(SmallPlan.PREPARATION, "Cy Diaz");
        long signed = journal.sign("Design/PM", "Cy Diaz");
        assertThat(journal.review().findingsOf(signed)).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.ACCEPTED_WARNING);
            assertThat(finding.sentence()).contains("accepted a gate warning in Preparation (record #" + accepted + ")");
        });
    }

    @Test
    void aWarningAcceptedBySomeoneElseIsNotFlagged() {
        journal.acceptWarning(SmallPlan.PREPARATION, "Bo Chen");
        long signed = journal.sign("Design/PM", "Cy Diaz");
        assertThat(kinds(signed)).isEmpty();
    }

    @Test
    void aRolloutApproverSigningInTheLastPhaseApprovesTheWholeRollout() {
        long shadowMarker = journal.move(SmallPlan.PREPARATION, SmallPlan.SHADOW, "Bo Chen");
        journal.move(SmallPlan.SHADOW, SmallPlan.FULL, "Cy Diaz");
        journal.move(SmallPlan.FULL, SmallPlan.CLEANUP, "Cy Diaz");
        long lead = journal.sign("Implementation Lead", "Bo Chen");
        long qa = journal.sign("QA", "Bo Chen");

        SignOffReview review = journal.review();
        assertThat(review.coverage().get(0).wholeRollout()).isTrue();
        assertThat(review.findingsOf(lead)).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.DEPLOYED);
            assertThat(finding.sentence()).contains("deployed in the rollout (record #" + shadowMarker + ")");
        });
        // an implementation role approves the phase it was signed in: Legacy cleanup, which Bo did not deploy
        assertThat(review.coverage().get(1).approvedPhase()).isEqualTo(SmallPlan.CLEANUP);
        assertThat(review.findingsOf(qa)).extracting(SignOffFinding::kind).doesNotContain(Kind.DEPLOYED);
    }

    @Test
    void aRolloutApproverSigningBeforeTheLastPhaseApprovesOnlyThatPhase() {
        journal.move(SmallPlan.PREPARATION, SmallPlan.SHADOW, "Bo Chen");
        journal.move(SmallPlan.SHADOW, SmallPlan.FULL, "Cy Diaz");
        long lead = journal.sign("Operations Lead", "Bo Chen");
        assertThat(journal.review().coverage().get(0).approvedPhase()).isEqualTo(SmallPlan.FULL);
        assertThat(kinds(lead)).isEmpty();
    }

    @Test
    void aRoleNoneOfTheSixIsAFinding() {
        long signed = journal.sign("Legal", "Cy Diaz");
        SignOffCoverage coverage = journal.review().coverage().get(0);
        assertThat(coverage.role()).isNull();
        assertThat(coverage.roleLabel()).isEqualTo("Legal");
        assertThat(kinds(signed)).containsExactly(Kind.UNKNOWN_ROLE);
    }

    @Test
    void namesCompareIgnoringCaseAndSpacesOnly() {
        assertThat(SignOffReview.isSigner("Ana Ruiz", "ana  ruiz")).isTrue();
        assertThat(SignOffReview.isSigner("Ana Ruiz", "Ana Ruiz (ana)")).isTrue();
        assertThat(SignOffReview.isSigner("ana", "Ana Ruiz (ana)")).isTrue();
        assertThat(SignOffReview.isSigner("Ana", "Ana Ruiz (ana2)")).isFalse();
        assertThat(SignOffReview.isSigner("Ana Ruiz", "Ana Ruíz")).isFalse();
        assertThat(SignOffReview.isSigner("Ana Ruiz", null)).isFalse();
    }
}
