package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;

/**
 * The journal's signing key, enrolled once: from this record on every record carries an Ed25519
 * signature over its hash. Because the chain links every record, this record's signature also
 * covers all earlier (unsigned) records. The public key is X.509 SubjectPublicKeyInfo in base64;
 * the fingerprint is the lowercase hex SHA-256 of those decoded bytes.
 */
public record SigningKeyEnrolled(Instant recordedAt, Operator operator, String algorithm, String publicKey,
                                 String fingerprint) implements JournalEntry {

    public SigningKeyEnrolled {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        if (!JournalSignatures.ALGORITHM.equals(algorithm)) {
            throw new IllegalArgumentException("Signing key algorithm must be " + JournalSignatures.ALGORITHM + ", not '"
                    + algorithm + "'.");
        }
        publicKey = Require.text(publicKey, "Signing public key");
        String expected = JournalSignatures.fingerprint(JournalSignatures.decodePublicKey(publicKey).getEncoded());
        if (!expected.equals(fingerprint)) {
            throw new IllegalArgumentException("Signing key fingerprint does not match its public key; it must be " + expected + ".");
        }
    }

    @Override
    public EntryKind kind() {
        return EntryKind.SIGNING_KEY;
    }

    @Override
    public String rollout() {
        return null;
    }

    @Override
    public String environment() {
        return null;
    }
}
