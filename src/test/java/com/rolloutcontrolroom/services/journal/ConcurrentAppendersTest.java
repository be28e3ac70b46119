package com.rolloutcontrolroom.services.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.VerificationReport;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.testsupport.RealKeychain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app's journal open in this JVM and a second JVM appending at the same time, both signing
 * with the key in the real OS keychain and both keeping the head there: every record lands, ids are
 * dense, the chain and every signature verify, and the kept head is the last record whichever process
 * wrote its head last. A missing keychain is a failure, never a skip: run inside
 * {@code dbus-run-session} with {@code gnome-keyring-daemon --unlock} (STACK.md).
 */
class ConcurrentAppendersTest {

    private static final int EACH = 60;

    @TempDir
    Path dir;

    private RealKeychain keychain;
    private AppHome home;

    @BeforeEach
    void requireTheRealKeychain() throws Exception {
        keychain = RealKeychain.require();
        home = new AppHome(dir).ensureExists();
        keychain.removeAfterwards(CredentialKey.journalHead(JournalFileId.of(home.journal())));
    }

    @AfterEach
    void removeWhatThisTestPutInTheKeychain() throws Exception {
        if (keychain != null) {
            keychain.close();
        }
    }

    @Test
    void theAppAndASecondProcessAppendAtOnceAndEverythingVerifies() throws Exception {
        KeychainJournalKeys keys = new KeychainJournalKeys(keychain.store());
        try (JournalAccess app = new JournalAccess(home, keys)) {
            app.writer(); // the window is open (and enrolled the key) before the CLI starts
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    KeychainAppender.class.getName(), dir.toString(), Integer.toString(EACH))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<Long> childIds = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        childIds.add(Long.parseLong(line.trim()));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (childIds.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(childIds).as("the second process appends while the app has the journal open").isNotEmpty();

            List<Long> appIds = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                Instant now = Instant.now();
                appIds.add(app.writer().append(new RollbackPerformed(now, JournalSamples.ANA, "production",
                        JournalSamples.ROLLOUT, now, "app " + i, "none", "none")).id());
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reading.get(10, TimeUnit.SECONDS);
            assertThat(child.exitValue()).isZero();

            assertThat(childIds).hasSize(EACH);
            List<Long> all = new ArrayList<>(appIds);
            all.addAll(childIds);
            Collections.sort(all);
            long total = 1 + 2L * EACH; // the enrollment, then both processes' records
            assertThat(all).as("every acknowledged record, each id once").hasSize(2 * EACH).doesNotHaveDuplicates()
                    .allMatch(id -> id >= 2 && id <= total);
            long childAfterApp = childIds.stream().filter(id -> id > appIds.get(0) && id < appIds.get(EACH - 1)).count();
            assertThat(childAfterApp).as("the two processes really interleaved (app %s, child %s)", appIds, childIds)
                    .isPositive();

            VerificationReport report = new JournalVerification(keys).verify(app.database(), JournalVerification.Options.strict());
            assertThat(report.ok()).as(String.join("\n", report.lines())).isTrue();
            assertThat(report.chain().verifiedCount()).isEqualTo(total);
            assertThat(report.chain().signing()).as("signed by the keychain's key").isPresent();
            assertThat(report.lines()).anyMatch(line -> line.contains("(record " + total + ")"));
            assertThat(keys.head(home.journal()).map(ChainHead::id)).as("the kept head is the last record").hasValue(total);
        }
    }
}
