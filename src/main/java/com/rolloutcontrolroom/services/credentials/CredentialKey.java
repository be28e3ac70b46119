package com.rolloutcontrolroom.services.credentials;

/** Where a secret is filed in the keychain: {@code service} and {@code account} attributes. */
public record CredentialKey(String service, String account) {

    public static final String SERVICE = "rollout-control-room";

    /** The database password of an environment: account {@code env:<name>}. */
    public static CredentialKey forEnvironment(String environmentName) {
        return new CredentialKey(SERVICE, "env:" + environmentName);
    }

    /** This OS user's journal signing key (Ed25519, both halves): account {@code journal-signing-key}. */
    public static CredentialKey journalSigningKey() {
        return new CredentialKey(SERVICE, "journal-signing-key");
    }

    /**
     * The URL of the webhook notices are posted to: account {@code notify-webhook}. A secret, as
     * Slack-style URLs carry their token in the path.
     */
    public static CredentialKey notifyWebhook() {
        return new CredentialKey(SERVICE, "notify-webhook");
    }

    /**
     * The Vercel token the CLI is given for deploys and emergency rollbacks: account {@code vercel-token}.
     * It reaches only the CLI's environment ({@code VERCEL_TOKEN}), never an argument, a log or a file.
     */
    public static CredentialKey vercelToken() {
        return new CredentialKey(SERVICE, "vercel-token");
    }

    /**
     * The last head (id:hash) written to one journal file, kept outside it: account
     * {@code journal-head:<fileId>}, where fileId is the first 16 hex of the SHA-256 of the file's real path.
     */
    public static CredentialKey journalHead(String fileId) {
        if (!fileId.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("A journal file id is 16 lowercase hex characters.");
        }
        return new CredentialKey(SERVICE, "journal-head:" + fileId);
    }

    public String describe() {
        return "service " + service + ", account " + account;
    }
}
