package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the journal keeps what must live outside its own file: this OS user's signing key and the
 * last head written to each journal file. Every call may block (a keychain round trip) and throws
 * {@link CredentialException}, one sentence, when no keychain works: the journal is then written
 * unsigned, or not at all once it is signed.
 */
public interface JournalKeys {

    /** The signing key, or empty when this user has none yet. */
    Optional<SigningKey> signingKey() throws CredentialException;

    /** Creates and stores a new signing key; returns the key the keychain holds afterwards. */
    SigningKey createSigningKey() throws CredentialException;

    /** The signing key's fingerprint without decoding its private half (for verify), or empty. */
    Optional<String> signingKeyFingerprint() throws CredentialException;

    /** The head last recorded for this journal file, or empty when none was. */
    Optional<ChainHead> head(Path journalFile) throws CredentialException;

    void recordHead(Path journalFile, ChainHead head) throws CredentialException;

    /** No keychain at all: every call fails with {@code reason}. */
    static JournalKeys none(String reason) {
        return new NoJournalKeys(reason);
    }
}
