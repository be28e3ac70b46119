package com.rolloutcontrolroom.services.credentials;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets in memory for this session only: the fallback when no keychain works. Nothing is written
 * anywhere, so the user types each password again in the next session.
 */
public final class SessionCredentialStore implements CredentialStore {

    private final Map<CredentialKey, char[]> secrets = new ConcurrentHashMap<>();
    private final String reason;

    /** @param reason why the keychain is not used, one sentence */
    public SessionCredentialStore(String reason) {
        this.reason = reason;
    }

    @Override
    public void store(CredentialKey key, char[] secret) {
        char[] previous = secrets.put(key, secret.clone());
        if (previous != null) {
            Arrays.fill(previous, '\0');
        }
    }

    @Override
    public Optional<char[]> read(CredentialKey key) {
        return Optional.ofNullable(secrets.get(key)).map(char[]::clone);
    }

    @Override
    public void delete(CredentialKey key) {
        char[] previous = secrets.remove(key);
        if (previous != null) {
            Arrays.fill(previous, '\0');
        }
    }

    /** One sentence: why there is no keychain, then what that means for passwords. */
    @Override
    public KeychainStatus probe() {
        String why = reason.strip().replaceAll("[.;]+$", "");
        return KeychainStatus.unavailable(why + "; passwords are asked once per session and kept in memory only.");
    }
}
