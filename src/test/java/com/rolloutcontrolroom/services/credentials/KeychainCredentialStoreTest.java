package com.rolloutcontrolroom.services.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.rolloutcontrolroom.testsupport.MachineRequirement;

/**
 * Against the real OS keychain. In CI ({@code CI=true}) a missing keychain is a failure, never a
 * skip: the job must run inside {@code dbus-run-session} with an unlocked gnome-keyring (STACK.md).
 */
class KeychainCredentialStoreTest {

    private final KeychainCredentialStore store = new KeychainCredentialStore(Duration.ofSeconds(10));
    private final CredentialKey key = CredentialKey.forEnvironment("keychain-test-" + UUID.randomUUID().toString().substring(0, 8));
    private final String secret = "kc-" + UUID.randomUUID();
    private boolean keychainAvailable;

    @BeforeEach
    void requireKeychain() {
        KeychainStatus status = store.probe();
        MachineRequirement.require(status.available(), "there is no OS keychain in this session (" + status.sentence()
                + "); run inside dbus-run-session with gnome-keyring-daemon --unlock (STACK.md)");
        keychainAvailable = true;
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (keychainAvailable) {
            store.delete(key);
        }
        store.close();
    }

    @Test
    void storesReadsAndDeletesAPasswordThatSecretToolCanSee() throws Exception {
        store.store(key, secret.toCharArray());

        assertThat(store.read(key)).hasValueSatisfying(read -> assertThat(new String(read)).isEqualTo(secret));
        String search = secretTool("search", "--all", "service", CredentialKey.SERVICE);
        assertThat(search).contains("attribute.account = " + key.account());
        assertThat(secretTool("lookup", "service", key.service(), "account", key.account())).isEqualTo(secret);

        store.delete(key);
        assertThat(store.read(key)).isEmpty();
        assertThat(secretTool("search", "--all", "service", CredentialKey.SERVICE)).doesNotContain(key.account());
    }

    @Test
    void storingAgainReplacesThePassword() throws Exception {
        store.store(key, "first".toCharArray());
        store.store(key, secret.toCharArray());
        assertThat(store.read(key)).hasValueSatisfying(read -> assertThat(new String(read)).isEqualTo(secret));
    }

    @Test
    void readingOrDeletingAMissingPasswordIsNotAnError() throws Exception {
        assertThat(store.read(key)).isEmpty();
        store.delete(key);
    }

    private static String secretTool(String... arguments) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(concat("secret-tool", arguments)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("secret-tool is not installed; apt-get install libsecret-tools.", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return output.strip();
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }
}
