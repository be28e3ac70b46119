package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;

/** sign-off and sign-off list: each sign-off pins the head it was written on; a stale --head writes nothing. */
class SignOffCommandTest {

    @TempDir
    Path folder;

    private RolloutCli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new RolloutCli(folder);
        cli.create("ALPHA");
        assertThat(cli.run("checklist", "tick", "Preparation", "Runbook reviewed")).as(cli.err()).isZero();
    }

    private ChainHead head() {
        try (JournalAccess journal = cli.journal()) {
            return journal.reader().head();
        }
    }

    private List<StoredEntry> signOffs() {
        try (JournalAccess journal = cli.journal()) {
            return journal.reader().entries(JournalQuery.ofKinds(EntryKind.SIGN_OFF));
        }
    }

    @Test
    void aSignOffPinsTheHeadTheJournalHadJustBeforeIt() {
        ChainHead before = head();
        assertThat(before.id()).isPositive();
        cli.advance(Duration.ofMinutes(5));

        assertThat(cli.run("sign-off", "--role", "qa", "--name", "Quinn Lee", "--comment", "Coordinator tests verified"))
                .as(cli.err()).isZero();

        StoredEntry stored = signOffs().get(0);
        SignedOff signOff = (SignedOff) stored.entry();
        assertThat(stored.id()).isEqualTo(before.id() + 1);
        assertThat(signOff.approvedHeadHash()).isEqualTo(before.hash()).isEqualTo(stored.previousHash());
        assertThat(signOff.role()).isEqualTo("QA");
        assertThat(signOff.name()).isEqualTo("Quinn Lee");
        assertThat(signOff.comment()).isEqualTo("Coordinator tests verified");
        assertThat(signOff.signedAt()).isEqualTo(RolloutCli.T0.plus(Duration.ofMinutes(5)));
        assertThat(signOff.rollout()).isEqualTo("ALPHA");
        assertThat(cli.out()).contains("ALPHA: QA signed off by Quinn Lee (journal record " + stored.id() + ").",
                "It approves the journal up to record " + before.id() + ": head " + before.id() + ":" + before.hash() + ".");
        assertThat(head().id()).isEqualTo(stored.id());
    }

    @Test
    void theHeadTheSignerReadIsAcceptedWhileItIsStillTheHead() {
        ChainHead read = head();
        assertThat(cli.run("sign-off", "--role", "Operations Lead", "--name", "Ana Ruiz", "--head", read.id() + ":" + read.hash()))
                .as(cli.err()).isZero();
        assertThat(((SignedOff) signOffs().get(0).entry()).approvedHeadHash()).isEqualTo(read.hash());
    }

    @Test
    void aStaleHeadIsRefusedInOneSentenceAndNothingIsWritten() {
        ChainHead read = head();
        // the journal grows after the signer read it
        assertThat(cli.run("checklist", "tick", "Preparation", "Baseline captured")).as(cli.err()).isZero();
        ChainHead now = head();

        assertThat(cli.run("sign-off", "--role", "Engineering Manager", "--name", "Dana", "--head", read.id() + ":" + read.hash()))
                .isEqualTo(1);
        assertThat(cli.err()).isEqualTo("control-room: The journal has grown since you read it (its head is record " + now.id()
                + ", not " + read.id() + " as you approved): read it again and sign again.\n");
        assertThat(cli.out()).isEmpty();
        assertThat(head()).isEqualTo(now);
        assertThat(cli.journalKinds("ALPHA")).doesNotContain(EntryKind.SIGN_OFF);
    }

    @Test
    void anUnknownRoleIsBadUsageNamingTheSixRolesAndWritesNothing() {
        ChainHead before = head();
        assertThat(cli.run("sign-off", "--role", "CTO", "--name", "Dana")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("control-room: There is no sign-off role 'CTO'; use one of Engineering, Design/PM, QA,"
                + " Implementation Lead, Engineering Manager, Operations Lead (see control-room sign-off --help).\n");
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void aMalformedHeadOrAMissingNameIsBadUsage() {
        assertThat(cli.run("sign-off", "--role", "QA", "--name", "Quinn", "--head", "7:abc")).isEqualTo(2);
        assertThat(cli.err()).contains("--head takes ID:HASH, not '7:abc'");
        assertThat(cli.run("sign-off", "--role", "QA")).isEqualTo(2);
        assertThat(cli.err()).contains("Name the role and the signer with --role ROLE --name NAME");
        assertThat(cli.run("sign-off", "--role", "QA", "--name", "  ")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("control-room: A sign-off needs the signer's name; enter who signs as QA.\n");
        assertThat(cli.journalKinds("ALPHA")).doesNotContain(EntryKind.SIGN_OFF);
    }

    @Test
    void theListShowsRoleNameTimeRecordPinnedHeadAndComment() {
        assertThat(cli.run("sign-off", "list")).isZero();
        assertThat(cli.out()).isEqualTo("ALPHA has no sign-offs yet; sign one with sign-off --role ROLE --name NAME.\n");

        ChainHead first = head();
        assertThat(cli.run("sign-off", "--role", "engineering", "--name", "Eve Chen", "--comment", "All unit tests green")).isZero();
        cli.advance(Duration.ofHours(2));
        ChainHead second = head();
        assertThat(cli.run("sign-off", "--role", "design-pm", "--name", "Pat Moss")).isZero();

        assertThat(cli.run("sign-off", "list", "--rollout", "ALPHA")).as(cli.err()).isZero();
        String abbreviatedFirst = first.id() + ":" + ChainHash.abbreviate(first.hash());
        String abbreviatedSecond = second.id() + ":" + ChainHash.abbreviate(second.hash());
        assertThat(cli.out()).isEqualTo("Sign-offs of ALPHA:\n"
                + "  Role        | Name     | Signed at            | Record | Pinned head | Comment             \n"
                + "  ------------+----------+----------------------+--------+-------------+---------------------\n"
                + "  Engineering | Eve Chen | 2026-12-05 07:00 UTC | #" + (first.id() + 1) + "     | " + abbreviatedFirst
                + " | All unit tests green\n"
                + "  Design/PM   | Pat Moss | 2026-12-05 09:00 UTC | #" + (second.id() + 1) + "     | " + abbreviatedSecond
                + " | " + " ".repeat(20) + "\n"
                + "  (2 rows)\n");
    }
}
