package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.testsupport.RealKeychain;
import com.rolloutcontrolroom.testsupport.WebhookReceiver;

import picocli.CommandLine;

/** {@code notify webhook set|test|status|remove} against the real OS keychain and a local webhook. */
class NotifyCommandTest {

    @TempDir
    Path folder;

    private RealKeychain keychain;
    private WebhookReceiver receiver;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        keychain = RealKeychain.require();
        keychain.restoreAfterwards(CredentialKey.notifyWebhook());
        keychain.store().delete(CredentialKey.notifyWebhook());
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        keychain.close();
    }

    @Test
    void setReadsTheUrlFromStandardInputThenTestDeliversAMessage() throws Exception {
        assertThat(run(receiver.url() + "\n", "notify", "webhook", "set")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("The webhook URL is in the OS keychain (service rollout-control-room, account"
                + " notify-webhook); send a test message with control-room notify webhook test.\n");
        assertThat(new String(keychain.store().read(CredentialKey.notifyWebhook()).orElseThrow())).isEqualTo(receiver.url());

        assertThat(run("", "notify", "webhook", "test")).as(err.toString()).isZero();

        assertThat(out.toString()).isEqualTo("The webhook accepted the message (HTTP 200).\n");
        assertThat(receiver.received()).hasSize(1);
        assertThat(receiver.received().get(0).path()).isEqualTo(WebhookReceiver.SECRET_PATH);
        assertThat(new ObjectMapper().readTree(receiver.received().get(0).body()).get("text").asText())
                .isEqualTo("Rollout Control Room: a test message from control-room notify webhook test; notices about checkpoints"
                        + " and verdicts will be posted here.");
    }

    @Test
    void aFailedTestIsOneSentenceAndExitsOne() throws Exception {
        run(receiver.url(), "notify", "webhook", "set");
        receiver.answer(500);

        assertThat(run("", "notify", "webhook", "test")).isEqualTo(1);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("control-room: The webhook answered HTTP 500; check it with control-room notify webhook"
                + " test and set it again with control-room notify webhook set if it was changed.\n");
    }

    @Test
    void aClosedPortIsOneSentenceAndExitsOne() throws Exception {
        run(WebhookReceiver.closedPortUrl(), "notify", "webhook", "set");

        assertThat(run("", "notify", "webhook", "test")).isEqualTo(1);

        assertThat(err.toString()).isEqualTo("control-room: The webhook could not be reached (the connection failed); check the"
                + " network, then run control-room notify webhook test.\n");
    }

    @Test
    void statusSaysWhetherOneIsConfiguredAndRemoveRemovesIt() throws Exception {
        assertThat(run("", "notify", "webhook", "status")).isZero();
        assertThat(out.toString()).isEqualTo("No webhook is configured; pipe its URL into control-room notify webhook set.\n");

        run(receiver.url(), "notify", "webhook", "set");
        assertThat(run("", "notify", "webhook", "status")).isZero();
        assertThat(out.toString()).isEqualTo("A webhook is configured; its URL is in the OS keychain (service rollout-control-room,"
                + " account notify-webhook) and is never shown.\n");

        assertThat(run("", "notify", "webhook", "remove")).isZero();
        assertThat(out.toString()).isEqualTo("Removed the webhook URL from the OS keychain; no notices will be posted.\n");
        assertThat(keychain.store().read(CredentialKey.notifyWebhook())).isEmpty();

        assertThat(run("", "notify", "webhook", "remove")).isZero();
        assertThat(out.toString()).isEqualTo("No webhook was configured; nothing was removed.\n");
        assertThat(run("", "notify", "webhook", "test")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("control-room: No webhook is configured; pipe its URL into control-room notify webhook"
                + " set.\n");
    }

    @Test
    void setRefusesAnythingButAnHttpUrlWithoutRepeatingIt() throws Exception {
        for (String input : new String[] {"ftp://example.invalid/fake-token-ftp", "fake-token-not-a-url", "https:// spaced fake-token",
                "https:///fake-token-no-host"}) {
            assertThat(run(input + "\n", "notify", "webhook", "set")).as(input).isEqualTo(2);
            assertThat(err.toString()).as(input).isEqualTo("control-room: Standard input did not hold an http(s) URL; pipe in the"
                    + " webhook URL as the chat service shows it, e.g. https://hooks.example.com/services/...\n");
            assertThat(out.toString()).isEmpty();
        }
        assertThat(run("\n", "notify", "webhook", "set")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("control-room: Standard input was empty; pipe in the webhook URL, e.g. from your"
                + " password manager's CLI.\n");
        assertThat(keychain.store().read(CredentialKey.notifyWebhook())).as("nothing was stored").isEmpty();
    }

    @Test
    void statusOnlyReadsSoItCreatesNoDataFolder() {
        Path missing = folder.resolve("not-yet");
        CommandLine cli = ControlRoomCli.create(new AppHome(missing), () -> { }, keychain.store(), new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("notify", "webhook", "status")).isZero();

        assertThat(missing).doesNotExist();
    }

    @Test
    void theUrlIsNeverTakenAsAnArgument() {
        assertThat(run("", "notify", "webhook", "set", receiver.url())).isEqualTo(2);

        assertThat(err.toString()).doesNotContain("fake-webhook-token", "127.0.0.1").contains("not repeated here");
    }

    @Test
    void aPlainHttpUrlToAnotherMachineIsStoredWithAWarning() throws Exception {
        assertThat(run("http://chat.example.invalid/hooks/fake-webhook-token-plain\n", "notify", "webhook", "set")).isZero();

        assertThat(err.toString()).isEqualTo("Warning: the webhook URL is plain http, so the URL and every message cross the network"
                + " unencrypted; use https unless the webhook runs on this machine.\n");
    }

    private int run(String stdin, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = ControlRoomCli.create(new AppHome(folder), () -> { }, keychain.store(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
