package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.JournalSignatures;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * This OS user's Ed25519 journal signing key, in memory only while a writer holds the journal. In the
 * keychain it is one item: the private key (PKCS#8, base64), a space, and the public key (X.509,
 * base64); the JDK cannot derive the public half from the private one, and enrolling needs it.
 * Neither {@link #toString()} nor any message ever contains the private half.
 */
public final class SigningKey {

    private final PrivateKey privateKey;
    private final String publicKey;
    private final String fingerprint;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = Base64.getEncoder().encodeToString(publicKey.getEncoded());
        this.fingerprint = JournalSignatures.fingerprint(publicKey.getEncoded());
    }

    static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(JournalSignatures.ALGORITHM).generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime ships Ed25519", e);
        }
    }

    /** Reads the keychain item; refuses one whose halves do not belong together. */
    static SigningKey fromKeychainText(char[] text) {
        int space = separator(text);
        // the private half goes from chars to bytes to the key without ever being a String
        byte[] base64 = new byte[space];
        for (int i = 0; i < space; i++) {
            base64[i] = (byte) text[i];
        }
        byte[] pkcs8 = null;
        try {
            pkcs8 = Base64.getDecoder().decode(base64);
            PrivateKey privateKey = KeyFactory.getInstance(JournalSignatures.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            SigningKey key = new SigningKey(privateKey, JournalSignatures.decodePublicKey(publicHalf(text)));
            String probe = "0".repeat(64);
            if (!JournalSignatures.verify(JournalSignatures.decodePublicKey(key.publicKey), probe, key.sign(probe))) {
                throw new IllegalArgumentException("The journal signing key in the OS keychain is damaged: its two halves do not match.");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The journal signing key in the OS keychain is damaged (not an Ed25519 key pair);"
                    + " restore it from a keychain backup.", e);
        } finally {
            Arrays.fill(base64, (byte) 0);
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    /** The public half of the keychain item, without decoding the private one (what verify needs). */
    static String publicHalf(char[] keychainText) {
        int space = separator(keychainText);
        return new String(keychainText, space + 1, keychainText.length - space - 1).strip();
    }

    private static int separator(char[] text) {
        for (int i = 0; i < text.length; i++) {
            if (text[i] == ' ') {
                return i;
            }
        }
        throw new IllegalArgumentException("The journal signing key in the OS keychain is not in the expected form"
                + " (private key, space, public key); restore it from a keychain backup.");
    }

    /** The keychain item's text; the caller wipes the array after storing it. */
    char[] toKeychainText() {
        byte[] pkcs8 = privateKey.getEncoded();
        byte[] encoded = Base64.getEncoder().encode(pkcs8);
        char[] text = new char[encoded.length + 1 + publicKey.length()];
        for (int i = 0; i < encoded.length; i++) {
            text[i] = (char) encoded[i];
        }
        text[encoded.length] = ' ';
        publicKey.getChars(0, publicKey.length(), text, encoded.length + 1);
        Arrays.fill(pkcs8, (byte) 0);
        Arrays.fill(encoded, (byte) 0);
        return text;
    }

    /** Ed25519 over the 64 ASCII hex characters of the record's hash, in base64. */
    public String sign(String hash) {
        try {
            Signature signer = Signature.getInstance(JournalSignatures.ALGORITHM);
            signer.initSign(privateKey);
            signer.update(JournalSignatures.signedBytes(hash));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing a journal record failed: " + e.getMessage(), e);
        }
    }

    /** X.509 SubjectPublicKeyInfo, base64: what the journal and every export carry. */
    public String publicKey() {
        return publicKey;
    }

    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "Ed25519 journal signing key " + fingerprint;
    }
}
