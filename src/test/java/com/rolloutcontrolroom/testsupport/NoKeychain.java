package com.rolloutcontrolroom.testsupport;

import java.util.Optional;

import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.credentials.KeychainStatus;

/**
 * The OS keychain as a session without Secret Service sees it: every call fails, the probe says why.
 * Stands in for {@code KeychainCredentialStore}, whose real failure depends on the machine.
 */
public final class NoKeychain implements CredentialStore {

    public static final String REASON = "No OS keychain is available (no Secret Service in this test).";

    private int probes;

    @Override
    public void store(CredentialKey key, char[] secret) throws CredentialException {
        throw new CredentialException(REASON);
    }

    @Override
    public Optional<char[]> read(CredentialKey key) throws CredentialException {
        throw new CredentialException(REASON);
    }

    @Override
    public void delete(CredentialKey key) throws CredentialException {
        throw new CredentialException(REASON);
    }

    @Override
    public synchronized KeychainStatus probe() {
        probes++;
        return KeychainStatus.unavailable(REASON);
    }

    /** How often the keychain itself was probed. */
    public synchronized int probes() {
        return probes;
    }
}
