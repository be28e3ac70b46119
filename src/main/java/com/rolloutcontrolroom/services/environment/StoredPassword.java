package com.rolloutcontrolroom.services.environment;

import java.util.Arrays;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;

/**
 * An environment's password as the credential store has it. A keychain that cannot be read counts
 * as no password, because a server with trust, peer or certificate authentication asks for none;
 * its sentence is kept for the server that does ask ({@link ConnectionFailures}).
 */
final class StoredPassword {

    private static final Logger LOG = LoggerFactory.getLogger(StoredPassword.class);

    private final char[] secret;
    private final boolean stored;
    private final String keychainProblem;

    private StoredPassword(char[] secret, boolean stored, String keychainProblem) {
        this.secret = secret;
        this.stored = stored;
        this.keychainProblem = keychainProblem;
    }

    /** Blocking (the keychain); never throws for a keychain that does not work. */
    static StoredPassword read(CredentialStore credentials, EnvironmentProfile profile) {
        try {
            Optional<char[]> password = credentials.read(CredentialKey.forEnvironment(profile.name()));
            return new StoredPassword(password.orElseGet(() -> new char[0]), password.isPresent(), null);
        } catch (CredentialException e) {
            LOG.info("no password read for environment {}: connecting without one", profile.name(), e);
            return new StoredPassword(new char[0], false, e.getMessage());
        }
    }

    /** The array itself: the caller passes it on and then calls {@link #wipe()}. */
    char[] secret() {
        return secret;
    }

    boolean stored() {
        return stored;
    }

    /** The keychain's own sentence when it could not be read, else empty. */
    Optional<String> keychainProblem() {
        return Optional.ofNullable(keychainProblem);
    }

    void wipe() {
        Arrays.fill(secret, '\0');
    }
}
