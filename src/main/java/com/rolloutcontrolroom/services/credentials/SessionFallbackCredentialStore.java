package com.rolloutcontrolroom.services.credentials;

import java.util.Optional;

/**
 * The desktop app's store: the keychain while it works; after a failed probe, memory for the rest
 * of the session. Never a plaintext file. The keychain is probed once per session (at start, or by
 * the first call, whichever comes first) and every screen shares that answer.
 */
public final class SessionFallbackCredentialStore implements CredentialStore {

    private final CredentialStore keychain;
    private volatile CredentialStore active;
    private KeychainStatus status;

    public SessionFallbackCredentialStore(CredentialStore keychain) {
        this.keychain = keychain;
        this.active = keychain;
    }

    /** Blocking on the first call (the keychain's own probe); later calls return the same answer. */
    @Override
    public synchronized KeychainStatus probe() {
        if (status == null) {
            KeychainStatus probed = keychain.probe();
            if (probed.available()) {
                status = probed;
            } else {
                active = new SessionCredentialStore(probed.sentence());
                status = active.probe();
            }
        }
        return status;
    }

    @Override
    public void store(CredentialKey key, char[] secret) throws CredentialException {
        active().store(key, secret);
    }

    @Override
    public Optional<char[]> read(CredentialKey key) throws CredentialException {
        return active().read(key);
    }

    @Override
    public void delete(CredentialKey key) throws CredentialException {
        active().delete(key);
    }

    /** A call that comes before the start-up probe has finished waits for it rather than ask a keychain that is not there. */
    private CredentialStore active() {
        probe();
        return active;
    }
}
