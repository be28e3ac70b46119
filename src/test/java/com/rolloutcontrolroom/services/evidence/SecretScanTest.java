package com.rolloutcontrolroom.services.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.redact.SecretPatterns;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The fast scan finds exactly what searching the whole text with SecretPatterns finds, and names file and line. */
class SecretScanTest {

    private static final String[] WORDS = {"password=fake-1", "PASSWORD : fake-2", "passwd=x", "pwd:y", "sslpassword=z", "pass",
        "secret=fake-3", "Token: fake-4", "api_key=fake-5", "API-KEY: fake-6", "apikey=", "token", "password=[secret]",
        "postgresql://app:fake-7@db/prod", "https://example.org/path", "jdbc:postgresql://db:5432/x?password=fake-8",
        "mysql://user@host", "s3+x.y-z://u:p@h", "9x://u:p@h", "://", "a:b@c", "passage", "tokens", "apiary", "the", "rows",
        "\"password\":\"fake-9\"", "\\\"token\\\":\\\"fake\\\"", "é", "ünïcode", "::", "@"};
    private static final String[] GAPS = {" ", "\n", "\"", ",", "\t", "'", ";", "&", "\r\n"};

    @Test
    void theScanAgreesWithAWholeTextSearchOnGeneratedText() {
        Random random = new Random(13);
        for (int sample = 0; sample < 5_000; sample++) {
            StringBuilder text = new StringBuilder();
            for (int words = random.nextInt(12); words > 0; words--) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(GAPS[random.nextInt(GAPS.length)]);
            }
            assertThat(SecretScan.firstMatch(text.toString())).as(text.toString()).isEqualTo(expected(text.toString()));
        }
    }

    @Test
    void itNamesTheFileAndLineButNotTheSecretAndSkipsImages() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("data/report/charts/rate.png", "password=fake-in-an-image".getBytes(StandardCharsets.UTF_8));
        files.put("data/report/report.md", "# Report\n\nAll fine.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(SecretScan.find(files)).isEmpty();
        files.put("data/snapshots/7-T+1h.csv", "a,b\nc,d\nx,postgresql://app:fake-7@db/prod\n".getBytes(StandardCharsets.UTF_8));
        assertThat(SecretScan.find(files)).contains("data/snapshots/7-T+1h.csv line 3");
    }

    private static int expected(String text) {
        Matcher url = SecretPatterns.URL_PASSWORD.matcher(text);
        Matcher key = SecretPatterns.KEY_VALUE.matcher(text);
        int first = url.find() ? url.start() : -1;
        if (key.find() && (first < 0 || key.start() < first)) {
            first = key.start();
        }
        return first;
    }
}
