package com.rolloutcontrolroom.services.report;

import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.signoff.SignOffCoverage;
import com.rolloutcontrolroom.domain.signoff.SignOffFinding;
import com.rolloutcontrolroom.domain.signoff.SignOffReview;
import com.rolloutcontrolroom.domain.signoff.SignOffRole;

/** "Sign-Off": seed 000's two lists of roles, every sign-off with what it covers, and the review's findings. */
final class SignOffSection {

    private SignOffSection() {
    }

    static void write(ReportContext report, Markdown md) {
        SignOffReview review = report.signOffs();
        md.heading(2, "Sign-Off");
        md.heading(3, "Implementation Sign-Off");
        roles(review, SignOffRole.Stage.IMPLEMENTATION, md);
        md.heading(3, "Rollout Sign-Off (Post-Production Success)");
        roles(review, SignOffRole.Stage.ROLLOUT, md);
        md.heading(3, "Sign-Off Review");
        if (review.coverage().isEmpty()) {
            md.paragraph("No sign-off was recorded in the journal.");
            return;
        }
        md.table(List.of("Record", "Role", "Name", "Signed", "Covers", "Approves", "In Force"), review.coverage().stream()
                .map(c -> List.of(ReportText.record(c.signOff().id()), c.roleLabel(), c.signOff().entry().name(),
                        ReportText.time(c.signOff().entry().signedAt()), c.covers(),
                        c.wholeRollout() ? "the whole rollout" : "the phase " + c.approvedPhase(),
                        c.inForce() ? "yes" : "no, superseded by " + ReportText.record(c.supersededBy())))
                .toList());
        List<SignOffFinding> findings = review.findings();
        if (findings.isEmpty()) {
            md.paragraph("No findings: every sign-off pins a head of this journal with no evidence recorded after it, no person"
                    + " holds roles that must be separate, and no signer deployed, overrode a gate or accepted a warning in what"
                    + " they approve.");
        } else {
            md.paragraph(Markdown.bold("Findings") + ":");
            findings.forEach(finding -> md.bullet("⚠️ " + finding.sentence()));
        }
    }

    private static void roles(SignOffReview review, SignOffRole.Stage stage, Markdown md) {
        for (SignOffRole role : SignOffRole.values()) {
            if (role.stage() != stage) {
                continue;
            }
            Optional<SignOffCoverage> signed = review.current(role);
            String label = role.label() + " (" + role.attests() + ")";
            if (signed.isEmpty()) {
                md.task(false, label + " — Date: not signed");
                continue;
            }
            SignOffCoverage coverage = signed.get();
            SignedOff entry = coverage.signOff().entry();
            md.task(true, label + " — " + entry.name() + ", Date: " + ReportText.time(entry.signedAt()) + "; pins "
                    + (coverage.pinnedRecordId() == null ? "a head that is not in this journal"
                    : "record " + ReportText.record(coverage.pinnedRecordId())) + " (hash " + Markdown.code(entry.approvedHeadHash())
                    + "); sign-off record " + ReportText.record(coverage.signOff().id())
                    + (entry.comment() == null ? "" : "; comment: " + entry.comment()));
        }
    }
}
