package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import java.nio.file.Path;
import java.util.Optional;

/** A journal without a keychain: written unsigned, with no head kept outside the file. */
final class NoJournalKeys implements JournalKeys {

    private final String reason;

    NoJournalKeys(String reason) {
        this.reason = reason;
    }

    @Override
    public Optional<SigningKey> signingKey() throws CredentialException {
        throw new CredentialException(reason);
    }

    @Override
    public SigningKey createSigningKey() throws CredentialException {
        throw new CredentialException(reason);
    }

    @Override
    public Optional<String> signingKeyFingerprint() throws CredentialException {
        throw new CredentialException(reason);
    }

    @Override
    public Optional<ChainHead> head(Path journalFile) throws CredentialException {
        throw new CredentialException(reason);
    }

    @Override
    public void recordHead(Path journalFile, ChainHead head) throws CredentialException {
        throw new CredentialException(reason);
    }
}
