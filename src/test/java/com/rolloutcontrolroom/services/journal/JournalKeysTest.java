package com.rolloutcontrolroom.services.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.JournalSignatures;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.credentials.KeychainStatus;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's keychain items and the writer's use of them, with an in-memory keychain. */
class JournalKeysTest {

    @TempDir
    Path dir;

    private final SessionCredentialStore keychain = new SessionCredentialStore("Test keychain in memory.");
    private final KeychainJournalKeys keys = new KeychainJournalKeys(keychain);

    @Test
    void theKeyIsOneItemPrivateHalfSpacePublicHalfAndReadsBackAsTheSameKey() throws Exception {
        assertThat(keys.signingKey()).isEmpty();
        SigningKey created = keys.createSigningKey();

        String item = new String(keychain.read(CredentialKey.journalSigningKey()).orElseThrow());
        String[] halves = item.split(" ");
        assertThat(halves).hasSize(2);
        assertThat(halves[1]).isEqualTo(created.publicKey());
        assertThat(JournalSignatures.fingerprint(Base64.getDecoder().decode(halves[1]))).isEqualTo(created.fingerprint());
        assertThat(keys.signingKeyFingerprint()).hasValue(created.fingerprint());
        SigningKey read = keys.signingKey().orElseThrow();
        String hash = "ab".repeat(32);
        assertThat(JournalSignatures.verify(JournalSignatures.decodePublicKey(created.publicKey()), hash, read.sign(hash))).isTrue();
        assertThat(read.toString()).isEqualTo("Ed25519 journal signing key " + created.fingerprint()).doesNotContain(halves[0]);
    }

    @Test
    void aDamagedKeyItemIsRefusedInOneSentence() throws Exception {
        SigningKey mine = keys.createSigningKey();
        SigningKey other = new KeychainJournalKeys(new SessionCredentialStore("x")).createSigningKey();
        keychain.store(CredentialKey.journalSigningKey(), (new String(keychain.read(CredentialKey.journalSigningKey())
                .orElseThrow()).split(" ")[0] + " " + other.publicKey()).toCharArray());
        assertThatThrownBy(keys::signingKey).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The journal signing key in the OS keychain is damaged (not an Ed25519 key pair); restore it from"
                        + " a keychain backup.");
        assertThat(mine.fingerprint()).isNotEqualTo(other.fingerprint());
    }

    @Test
    void theHeadIsKeptPerFileByRealPathAndSurvivesTheFilesDeletion() throws Exception {
        Path file = dir.resolve("journal.sqlite");
        Files.writeString(file, "");
        keys.recordHead(file, new ChainHead(7, "c".repeat(64)));
        String id = JournalFileId.of(file);
        assertThat(new String(keychain.read(CredentialKey.journalHead(id)).orElseThrow())).isEqualTo("7:" + "c".repeat(64));

        Path link = Files.createSymbolicLink(dir.resolve("link"), dir);
        assertThat(keys.head(link.resolve("journal.sqlite"))).as("the same file by another path").hasValue(new ChainHead(7, "c".repeat(64)));
        Files.delete(file);
        assertThat(JournalFileId.of(file)).isEqualTo(id);
        assertThat(keys.head(dir.resolve("other.sqlite"))).isEmpty();

        keychain.store(CredentialKey.journalHead(id), "seven:abc".toCharArray());
        assertThatThrownBy(() -> keys.head(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not ID:HASH; it was changed outside the app");
    }

    @Test
    void aKeychainBehindTheJournalIsCaughtUpAtOpenNotTreatedAsTampering() throws Exception {
        AppHome home = new AppHome(dir);
        StoredEntry last;
        try (JournalDatabase db = JournalDatabase.open(home, keys)) {
            JournalWriter writer = new JournalWriter(db);
            writer.append(JournalSamples.everyKind(JournalSamples.T0).get(0));
            last = writer.append(JournalSamples.everyKind(JournalSamples.T0).get(1));
        }
        // as a crash between the commit of record 3 and its keychain write leaves it
        keys.recordHead(home.journal(), new ChainHead(2, new JournalReaderHash(home).at(2)));

        try (JournalDatabase db = JournalDatabase.open(home, keys)) {
            assertThat(db.isReadOnly()).isFalse();
            assertThat(new JournalReader(db).count()).as("nothing appended at open").isEqualTo(3);
        }
        assertThat(keys.head(home.journal())).hasValue(new ChainHead(3, last.hash()));
    }

    @Test
    void aSignedJournalLockedOutByTheKeychainBecomesWritableAtTheNextAppendOnceTheKeychainWorks() throws Exception {
        AppHome home = new AppHome(dir);
        try (JournalDatabase db = JournalDatabase.open(home, keys)) {
            new JournalWriter(db).append(JournalSamples.everyKind(JournalSamples.T0).get(0));
        }
        Switchable locked = new Switchable(keychain);
        try (JournalAccess access = new JournalAccess(home, new KeychainJournalKeys(locked))) {
            assertThatThrownBy(() -> access.writer().append(JournalSamples.everyKind(JournalSamples.T0).get(4)))
                    .isInstanceOf(JournalUnavailableException.class)
                    .hasMessage("The journal is signed, but its key cannot be read from the OS keychain (the keychain is"
                            + " locked in this test); it stays read-only until the keychain works.");
            locked.unlocked = true;
            StoredEntry stored = access.writer().append(JournalSamples.everyKind(JournalSamples.T0).get(4));
            assertThat(stored.id()).isEqualTo(3);
            assertThat(stored.signature()).isNotNull();
            assertThat(access.check().ok()).as(access.check().toString()).isTrue();
        }
    }

    /** Reads one stored hash without the app's reader (the head the test plants). */
    private record JournalReaderHash(AppHome home) {
        String at(long id) {
            try (JournalDatabase db = JournalDatabase.openReadOnly(home)) {
                return new JournalReader(db).entry(id).orElseThrow().hash();
            }
        }
    }

    /** A keychain that is locked until the test unlocks it. */
    private static final class Switchable implements CredentialStore {
        private final CredentialStore inside;
        volatile boolean unlocked;

        Switchable(CredentialStore inside) {
            this.inside = inside;
        }

        private void check() throws CredentialException {
            if (!unlocked) {
                throw new CredentialException("The keychain is locked in this test.");
            }
        }

        @Override
        public void store(CredentialKey key, char[] secret) throws CredentialException {
            check();
            inside.store(key, secret);
        }

        @Override
        public Optional<char[]> read(CredentialKey key) throws CredentialException {
            check();
            return inside.read(key);
        }

        @Override
        public void delete(CredentialKey key) throws CredentialException {
            check();
            inside.delete(key);
        }

        @Override
        public KeychainStatus probe() {
            return inside.probe();
        }
    }
}
