package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.JournalSignatures;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The journal's keys in a {@link CredentialStore}: the OS keychain in the app and the CLI, memory in
 * most tests. Give it the keychain itself, never the desktop app's memory fallback: a key that dies
 * with the session would leave a signed journal that nobody can continue.
 */
public final class KeychainJournalKeys implements JournalKeys {

    private final CredentialStore store;

    public KeychainJournalKeys(CredentialStore store) {
        this.store = store;
    }

    @Override
    public Optional<SigningKey> signingKey() throws CredentialException {
        Optional<char[]> text = store.read(CredentialKey.journalSigningKey());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SigningKey.fromKeychainText(text.get()));
        } finally {
            Arrays.fill(text.get(), '\0');
        }
    }

    @Override
    public SigningKey createSigningKey() throws CredentialException {
        char[] text = SigningKey.generate().toKeychainText();
        try {
            store.store(CredentialKey.journalSigningKey(), text);
        } finally {
            Arrays.fill(text, '\0');
        }
        // another writer (a second data folder) may have stored its own key a moment earlier: use what is there now
        return signingKey().orElseThrow(() -> new CredentialException(
                "The OS keychain did not keep the new journal signing key; check that it is unlocked and writable."));
    }

    @Override
    public Optional<String> signingKeyFingerprint() throws CredentialException {
        Optional<char[]> text = store.read(CredentialKey.journalSigningKey());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            String publicKey = SigningKey.publicHalf(text.get());
            return Optional.of(JournalSignatures.fingerprint(JournalSignatures.decodePublicKey(publicKey).getEncoded()));
        } finally {
            Arrays.fill(text.get(), '\0');
        }
    }

    @Override
    public Optional<ChainHead> head(Path journalFile) throws CredentialException {
        CredentialKey key = CredentialKey.journalHead(JournalFileId.of(journalFile));
        Optional<char[]> text = store.read(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = new String(text.get()).strip();
        String[] parts = value.split(":", 2);
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !ChainHash.isHash(parts[1])) {
            throw new IllegalArgumentException("The journal head kept in the OS keychain (" + key.describe()
                    + ") is not ID:HASH; it was changed outside the app.");
        }
        return Optional.of(new ChainHead(Long.parseLong(parts[0]), parts[1]));
    }

    @Override
    public void recordHead(Path journalFile, ChainHead head) throws CredentialException {
        store.store(CredentialKey.journalHead(JournalFileId.of(journalFile)), (head.id() + ":" + head.hash()).toCharArray());
    }
}
