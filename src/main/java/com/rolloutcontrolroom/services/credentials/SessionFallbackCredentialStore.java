package com.rolloutcontrolroom.services.credentials;

import java.util.Optional;

/**
 * The desktop app's store: the keychain while it works; after a failed {@link #probe()}, memory for
 * the rest of the session. Never a plaintext file.
 */
public final class SessionFallbackCredentialStore implements CredentialStore {

    private final CredentialStore keychain;
    private volatile CredentialStore active;

    public SessionFallbackCredentialStore(CredentialStore keychain) {
        this.keychain = keychain;
        this.active = keychain;
    }

    @Override
    public synchronized KeychainStatus probe() {
        if (active != keychain) {
            return active.probe();
        }
        KeychainStatus status = keychain.probe();
        if (!status.available()) {
            active = new SessionCredentialStore(status.sentence());
            return active.probe();
        }
        return status;
    }

    @Override
    public void store(CredentialKey key, char[] secret) throws CredentialException {
        active.store(key, secret);
    }

    @Override
    public Optional<char[]> read(CredentialKey key) throws CredentialException {
        return active.read(key);
    }

    @Override
    public void delete(CredentialKey key) throws CredentialException {
        active.delete(key);
    }
}
