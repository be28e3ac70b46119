package com.rolloutcontrolroom.services.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.redact.SecretPatterns;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        "\"password\":\"fake-9\"", "\\\"token\\\":\\\"fake\\\"", "é", "ünïcode", "::", "@", "Pass: 97 %", "pass = x",
        "-Ddb.password=fake-10", "PGPASSWORD='fake 11'", "access_token=fake-12", "VERCEL_TOKEN=\"fake 13\"", "9x_password=y",
        "--token fake-14", "-token  fake-15", "--auth-token x", "--api-key=y", "--secret --flag", "a-token y", "x.secret=z",
        "-Dpwd.password=fake-16", "my-api_key=q", "2026-03-05", "--", "-D", "=", "'"};
    private static final String[] GAPS = {" ", "\n", "\"", ",", "\t", "'", ";", "&", "\r\n", "", ".", "-", "=", "_", ":"};

    @Test
    void theScanAgreesWithAWholeTextSearchOnGeneratedText() {
        Random random = new Random(13);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int words = random.nextInt(12); words > 0; words--) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(GAPS[random.nextInt(GAPS.length)]);
            }
            String sample = text.toString();
            int found = SecretScan.firstMatch(sample);
            int expected = expected(sample);
            assertThat(found >= 0).as(sample).isEqualTo(expected >= 0);
            if (expected >= 0) {
                assertThat(line(sample, found)).as(sample).isEqualTo(line(sample, expected));
            }
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

    /** Where the first match of any of the patterns starts, searching the whole text with each. */
    private static int expected(String text) {
        int first = -1;
        for (java.util.regex.Pattern pattern : List.of(SecretPatterns.URL_PASSWORD, SecretPatterns.KEY_VALUE,
                SecretPatterns.SECRET_VARIABLE, SecretPatterns.SECRET_OPTION)) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find() && (first < 0 || matcher.start() < first)) {
                first = matcher.start();
            }
        }
        return first;
    }

    private static long line(String text, int at) {
        return text.substring(0, at).chars().filter(c -> c == '\n').count();
    }
}
