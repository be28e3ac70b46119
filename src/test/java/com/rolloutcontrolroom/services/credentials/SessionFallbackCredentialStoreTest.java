package com.rolloutcontrolroom.services.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.rolloutcontrolroom.testsupport.NoKeychain;

/** The desktop app's store with no keychain behind it: one probe per session, then memory only. */
class SessionFallbackCredentialStoreTest {

    private final NoKeychain keychain = new NoKeychain();
    private final SessionFallbackCredentialStore store = new SessionFallbackCredentialStore(keychain);
    private final CredentialKey key = CredentialKey.forEnvironment("staging");

    @Test
    void aCallBeforeTheStartUpProbeProbesFirstAndKeepsThePasswordInMemory() throws Exception {
        store.store(key, "fake-example".toCharArray());

        assertThat(store.read(key)).hasValueSatisfying(read -> assertThat(new String(read)).isEqualTo("fake-example"));
        assertThat(keychain.probes()).isEqualTo(1);
    }

    @Test
    void theProbeRunsOnceAndEveryLaterCallerGetsTheSameOneSentence() {
        KeychainStatus first = store.probe();
        KeychainStatus again = store.probe();

        assertThat(first.available()).isFalse();
        assertThat(first.sentence()).isEqualTo("No OS keychain is available (no Secret Service in this test); "
                + "passwords are asked once per session and kept in memory only.");
        assertThat(again).isEqualTo(first);
        assertThat(keychain.probes()).isEqualTo(1);
    }
}
