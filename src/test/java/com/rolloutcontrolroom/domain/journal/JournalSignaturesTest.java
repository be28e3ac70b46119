package com.rolloutcontrolroom.domain.journal;

import static com.rolloutcontrolroom.domain.journal.JournalSamples.ANA;
import static com.rolloutcontrolroom.domain.journal.JournalSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalSignaturesTest {

    private final KeyPair pair = pair();
    private final String hash = ChainHash.next(ChainHash.GENESIS, "{}".getBytes(StandardCharsets.UTF_8));

    @Test
    void aSignatureOfTheHashTextVerifiesAndNothingElseDoes() throws Exception {
        String signature = sign(hash.getBytes(StandardCharsets.US_ASCII));

        assertThat(JournalSignatures.verify(pair.getPublic(), hash, signature)).isTrue();
        assertThat(JournalSignatures.verify(pair.getPublic(), "0".repeat(64), signature)).isFalse();
        assertThat(JournalSignatures.verify(pair().getPublic(), hash, signature)).as("another key").isFalse();
        assertThat(JournalSignatures.verify(pair.getPublic(), hash, null)).isFalse();
        assertThat(JournalSignatures.verify(pair.getPublic(), hash, "not base64!")).isFalse();
        assertThat(JournalSignatures.verify(pair.getPublic(), hash, sign(java.util.HexFormat.of().parseHex(hash))))
                .as("over the 32 raw bytes instead of the 64 hex characters").isFalse();
    }

    @Test
    void aSignatureHasOneSpelling() throws Exception {
        String signature = sign(hash.getBytes(StandardCharsets.US_ASCII));
        assertThat(signature).hasSize(88).endsWith("==");
        assertThat(JournalSignatures.verify(pair.getPublic(), hash, signature.substring(0, 86))).as("no padding").isFalse();
        // the last character before the padding carries 4 unused bits: flipping one decodes to the same bytes
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char flipped = alphabet.charAt(alphabet.indexOf(signature.charAt(85)) ^ 1);
        String sameBytes = signature.substring(0, 85) + flipped + "==";
        assertThat(Base64.getDecoder().decode(sameBytes)).isEqualTo(Base64.getDecoder().decode(signature));
        assertThat(JournalSignatures.verify(pair.getPublic(), hash, sameBytes)).isFalse();
    }

    @Test
    void anEnrollmentCarriesAnEd25519KeyWithItsOwnFingerprint() {
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String fingerprint = JournalSignatures.fingerprint(pair.getPublic().getEncoded());
        assertThat(new SigningKeyEnrolled(T0, ANA, "Ed25519", publicKey, fingerprint).rollout()).isNull();

        assertThatThrownBy(() -> new SigningKeyEnrolled(T0, ANA, "Ed25519", publicKey, "0".repeat(64)))
                .hasMessageStartingWith("Signing key fingerprint does not match its public key");
        assertThatThrownBy(() -> new SigningKeyEnrolled(T0, ANA, "RSA", publicKey, fingerprint))
                .hasMessage("Signing key algorithm must be Ed25519, not 'RSA'.");
        assertThatThrownBy(() -> new SigningKeyEnrolled(T0, ANA, "Ed25519", "bm90IGEga2V5", fingerprint))
                .hasMessage("The signing public key is not a base64 X.509 Ed25519 key.");
    }

    @Test
    void recordsAboutTheJournalCannotBeCorrected() {
        JournalEntry repair = new JournalRepaired(T0, ANA, List.of("journal_entry_no_update"), "was missing");
        assertThatThrownBy(() -> new Correction(T0, ANA, 3, "typo", repair))
                .hasMessage("A record about the journal itself cannot be corrected; it stays as written.");
    }

    private String sign(byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
