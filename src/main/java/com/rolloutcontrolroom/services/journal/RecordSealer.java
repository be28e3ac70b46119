package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the writer adds to each append beyond the hash: the signature (when this journal signs) and,
 * after the commit, the new head kept in the keychain. The head write is synchronous: the append
 * returns only once the keychain knows the record exists, so cutting it off later is caught. Several
 * processes may append (the desktop app and a CLI {@code run}); their heads can reach the keychain
 * out of order, so under {@link HeadLock} the keychain keeps whichever head has the larger id.
 */
final class RecordSealer {

    private static final Logger LOG = LoggerFactory.getLogger(RecordSealer.class);

    private final Optional<SigningKey> key;
    private final JournalKeys keys;
    private final Path file;
    private final HeadLock headLock;
    private volatile boolean keepHeads;

    RecordSealer(Optional<SigningKey> key, JournalKeys keys, Path file, HeadLock headLock, boolean keepHeads) {
        this.key = key;
        this.keys = keys;
        this.file = file;
        this.headLock = headLock;
        this.keepHeads = keepHeads;
    }

    static RecordSealer unsigned(JournalKeys keys, Path file) {
        return new RecordSealer(Optional.empty(), keys, file, null, false);
    }

    boolean signs() {
        return key.isPresent();
    }

    Optional<SigningKey> key() {
        return key;
    }

    /** Base64 Ed25519 signature of the hash, or null when this journal is written unsigned. */
    String signature(String hash) {
        return key.map(k -> k.sign(hash)).orElse(null);
    }

    /** After the commit: the record is durable whatever happens here, so a failure is logged, not thrown. */
    void committed(ChainHead head) {
        if (!keepHeads) {
            return;
        }
        try {
            headLock.holding(() -> keepIfNewer(head));
        } catch (IOException | RuntimeException e) {
            // a hung keychain would stall every append for its whole timeout: stop trying until the next open
            keepHeads = false;
            LOG.warn("The journal head (record {}) could not be kept in the OS keychain, so records cut off the end after it"
                    + " will not be caught on this workstation until the journal is opened again: {}", head.id(), e.getMessage());
        }
    }

    private void keepIfNewer(ChainHead head) {
        try {
            Optional<ChainHead> kept = keys.head(file);
            if (kept.isPresent() && kept.get().id() >= head.id()) {
                return; // another appender's later record is already kept
            }
            keys.recordHead(file, head);
        } catch (CredentialException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
