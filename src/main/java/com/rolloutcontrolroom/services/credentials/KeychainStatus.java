package com.rolloutcontrolroom.services.credentials;

/** The outcome of probing the keychain, as one sentence for the status line. */
public record KeychainStatus(boolean available, String sentence) {

    public static KeychainStatus available(String backend) {
        return new KeychainStatus(true, "Passwords are kept in the OS keychain (" + backend + ").");
    }

    public static KeychainStatus unavailable(String reason) {
        return new KeychainStatus(false, reason);
    }
}
