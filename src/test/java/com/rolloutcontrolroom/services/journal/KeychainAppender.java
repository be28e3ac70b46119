package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.services.credentials.KeychainCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Child process of {@link ConcurrentAppendersTest}: a second process (a CLI {@code run}, say) that opens
 * the journal with the real OS keychain while another has it open, appends {@code args[1]} records and
 * prints each id once its append has returned.
 */
public final class KeychainAppender {

    private KeychainAppender() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[1]);
        try (KeychainCredentialStore keychain = new KeychainCredentialStore(Duration.ofSeconds(10));
             JournalAccess journal = new JournalAccess(new AppHome(Path.of(args[0])), new KeychainJournalKeys(keychain))) {
            for (int i = 0; i < count; i++) {
                Instant now = Instant.now();
                long id = journal.writer().append(new RollbackPerformed(now, JournalSamples.ANA, "production",
                        JournalSamples.ROLLOUT, now, "child " + i, "none", "none")).id();
                System.out.println(id);
                System.out.flush();
            }
        }
    }
}
