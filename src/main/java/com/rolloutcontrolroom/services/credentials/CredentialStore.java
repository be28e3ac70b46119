package com.rolloutcontrolroom.services.credentials;

import java.util.Optional;

/**
 * Keeps secrets outside every file the app writes. Calls may block (D-Bus, a keychain prompt):
 * run them in background work only.
 */
public interface CredentialStore {

    /** Stores a copy of the secret; the caller wipes its array afterwards. */
    void store(CredentialKey key, char[] secret) throws CredentialException;

    /** A fresh array the caller wipes after use; empty when nothing is stored. */
    Optional<char[]> read(CredentialKey key) throws CredentialException;

    /** Removes the secret; removing a missing one is not an error. */
    void delete(CredentialKey key) throws CredentialException;

    /** Checks that the store works right now, with a sentence for the status line. */
    KeychainStatus probe();
}
