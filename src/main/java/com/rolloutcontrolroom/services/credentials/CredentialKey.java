package com.rolloutcontrolroom.services.credentials;

/** Where a secret is filed in the keychain: {@code service} and {@code account} attributes. */
public record CredentialKey(String service, String account) {

    public static final String SERVICE = "rollout-control-room";

    /** The database password of an environment: account {@code env:<name>}. */
    public static CredentialKey forEnvironment(String environmentName) {
        return new CredentialKey(SERVICE, "env:" + environmentName);
    }

    public String describe() {
        return "service " + service + ", account " + account;
    }
}
