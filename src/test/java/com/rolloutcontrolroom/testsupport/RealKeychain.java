package com.rolloutcontrolroom.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.KeychainCredentialStore;
import com.rolloutcontrolroom.services.credentials.KeychainStatus;

/**
 * The real OS keychain for one test (gnome-keyring through Secret Service in CI, see {@link MachineRequirement}).
 * A developer's own journal signing key is used and kept; a key the test made, and every item it
 * names with {@link #removeAfterwards}, is removed when it closes.
 */
public final class RealKeychain implements AutoCloseable {

    private final KeychainCredentialStore store = new KeychainCredentialStore(Duration.ofSeconds(10));
    private final List<CredentialKey> toRemove = new ArrayList<>();
    private final Map<CredentialKey, Optional<char[]>> toRestore = new LinkedHashMap<>();
    private final boolean signingKeyExistedBefore;

    private RealKeychain() throws CredentialException {
        KeychainStatus status = store.probe();
        if (!status.available()) {
            store.close();
        }
        MachineRequirement.require(status.available(), "the OS keychain is unavailable: " + status.sentence()
                + " Run the tests inside dbus-run-session with gnome-keyring-daemon --unlock (STACK.md, .ci/run).");
        signingKeyExistedBefore = store.read(CredentialKey.journalSigningKey()).isPresent();
    }

    /** Aborts the test, or fails it with CI=true, when no keychain works in this session. */
    public static RealKeychain require() throws CredentialException {
        return new RealKeychain();
    }

    public KeychainCredentialStore store() {
        return store;
    }

    public void removeAfterwards(CredentialKey key) {
        toRemove.add(key);
    }

    /**
     * Puts back, when the test ends, what the item holds now (a developer's own webhook, say), or
     * removes it if it held nothing: for items a test must overwrite under their real key.
     */
    public void restoreAfterwards(CredentialKey key) throws CredentialException {
        toRestore.putIfAbsent(key, store.read(key));
    }

    @Override
    public void close() throws CredentialException {
        try {
            for (CredentialKey key : toRemove) {
                store.delete(key);
            }
            for (Map.Entry<CredentialKey, Optional<char[]>> item : toRestore.entrySet()) {
                if (item.getValue().isPresent()) {
                    store.store(item.getKey(), item.getValue().get());
                    Arrays.fill(item.getValue().get(), '\0');
                } else {
                    store.delete(item.getKey());
                }
            }
            if (!signingKeyExistedBefore) {
                store.delete(CredentialKey.journalSigningKey());
            }
        } finally {
            store.close();
        }
    }
}
