package com.rolloutcontrolroom.domain.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    private final Redactor patternsOnly = Redactor.knowing(List.of());

    @Test
    void nullStaysNull() {
        assertThat(patternsOnly.redact(null)).isNull();
        assertThat(patternsOnly.redact("")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Could not reach db-prod-17.internal.example. | Could not reach [host].",
            "host api.acme.com is down | host [host] is down",
            "replica.eu-west.corp answered | [host] answered",
            "node7.cluster.local and build.lan | [host] and [host]",
            "metrics.acme.cloud, app.acme.dev, x.acme.io, y.acme.net, z.acme.org | [host], [host], [host], [host], [host]",
            "connect to localhost now | connect to [host] now",
            "Connection to db-prod-17.internal.example:6543 refused. | Connection to [host]:[port] refused.",
            "Connection to localhost:5432 refused | Connection to [host]:[port] refused",
            "on dbserver1:5432 today | on [host]:[port] today",
    })
    void masksHostNames(String text, String expected) {
        assertThat(patternsOnly.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Connection to 127.0.0.1:5432 refused. | Connection to [ip]:[port] refused.",
            "from 10.20.30.40 | from [ip]",
            "server ::1 said no | server [ip] said no",
            "at fe80::1ff:fe23:4567:890a here | at [ip] here",
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334 | [ip]",
            "2001:db8::8a2e:370:7334 answered | [ip] answered",
    })
    void masksIpAddresses(String text, String expected) {
        assertThat(patternsOnly.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "listens on port 6543 | listens on port [port]",
            "port=6543 sslmode=require | port=[port] sslmode=require",
            "Port: 6543 | Port: [port]",
    })
    void masksPorts(String text, String expected) {
        assertThat(patternsOnly.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "see https://wiki.acme.com/runbooks/v3?x=1. | see [url].",
            "jdbc:postgresql://db-prod-17.internal.example:6543/coordinator_prod?ssl=true failed | [url] failed",
            "postgres://rollout_reader:fakePassword@db1:5432/prod | [url]",
            "postgresql://u@h/db, then | [url], then",
            "(file:///tmp/x.csv) | ([url])",
    })
    void masksUrls(String text, String expected) {
        assertThat(patternsOnly.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mail alice@acme.com now | mail [user]@[host] now",
            "signed by ops+oncall@build-7 | signed by [user]@[host]",
    })
    void masksEmailLikeUserAtHost(String text, String expected) {
        assertThat(patternsOnly.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "password=fakeSecret1 next | password=[secret] next",
            "PWD=fakeSecret1 | PWD=[secret]",
            "token=fake.token-value&x=1 | token=[secret]&x=1",
            "secret: fakeSecret1 | secret: [secret]",
            "api_key=fakeKey API-KEY=fakeKey | api_key=[secret] API-KEY=[secret]",
            "sslpassword=fakeSecret1 | sslpassword=[secret]",
            "user=rollout_reader dbname=coordinator_prod host=db1 | user=[user] dbname=[database] host=[host]",
            "password authentication failed for user \"somebody\" | password authentication failed for user \"[user]\"",
            "FATAL: database \"elsewhere\" does not exist | FATAL: database \"[database]\" does not exist",
    })
    void masksKeyValueSecretsAndNames(String text, String expected) {
        assertThat(patternsOnly.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Data folder: /home/alice/.control-room | Data folder: [path]",
            "Wrote /tmp/export/run-1.csv. | Wrote [path].",
            "see ~/queries/extra.sql | see [path]",
            "saved to C:\\Users\\alice\\run.csv | saved to [path]",
            "on \\\\fileserver\\share\\runs | on [path]",
            "('/var/lib/x') | ('[path]')",
    })
    void masksFileSystemPaths(String text, String expected) {
        assertThat(patternsOnly.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "coordinator.error rose to 3.2 % (limit 2.00 %)",
            "assignment.coordinator and auto_assign.* events",
            "auto_assign.started, auto_assign.completed",
            "Success rate 98.50 % over the last 6 h",
            "Checkpoint T+6h is due at 14:00 UTC",
            "Taken 2024-05-01 14:00:00 UTC, 3 minutes late",
            "2024-05-01T14:00:00Z",
            "Phase 2 of 5: Canary 10 %, then Half 50 %",
            "12,345 events; 17 errors/hour; 1/2 done; and/or",
            "Query coordinator_error_rate ran in 120 ms",
            "Rollout Control Room 0.1.0",
            "TCP/IP connections, e.g. this one, i.e. that",
            "Ctrl+Shift+P to stop",
            "Gate PASS at T+24h; WARN at T+48h",
    })
    void leavesTheProductsOwnVocabularyAlone(String text) {
        assertThat(patternsOnly.redact(text)).isEqualTo(text);
    }

    @Test
    void masksKnownWordsAsWholeWordsWithTheirKind() {
        Redactor redactor = Redactor.knowing(Map.of(
                "prod", Redactor.Sensitive.DATABASE,
                "rollout_reader", Redactor.Sensitive.USER,
                "dbhost", Redactor.Sensitive.HOST,
                "/srv/cr data", Redactor.Sensitive.PATH));

        assertThat(redactor.redact("prod on dbhost as rollout_reader, production untouched, in /srv/cr data/x"))
                .isEqualTo("[database] on [host] as [user], production untouched, in [path]/x");
        assertThat(redactor.redact("PROD and Dbhost")).isEqualTo("[database] and [host]");
    }

    @Test
    void guessesTheKindOfAKnownWordGivenWithoutOne() {
        Redactor redactor = Redactor.knowing(List.of("db-prod-17.internal.example", "10.20.30.40", "/data/cr", "coordinator_prod", "6543"));

        assertThat(redactor.redact("coordinator_prod at db-prod-17.internal.example or 10.20.30.40 port 6543 in /data/cr"))
                .isEqualTo("[hidden] at [host] or [ip] port [port] in [path]");
    }

    @Test
    void ignoresBlankAndTinyKnownWords() {
        Redactor redactor = Redactor.knowing(java.util.Arrays.asList("", " ", null, "a", "ab"));

        assertThat(redactor.redact("a cab and ab")).isEqualTo("a cab and ab");
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        Redactor redactor = Redactor.knowing(List.of("rollout_reader"));
        String once = redactor.redact("user=rollout_reader at db.acme.com:5432 from /tmp/x, password=fakeSecret");

        assertThat(redactor.redact(once)).isEqualTo(once);
    }

    @Test
    void isFastEnoughToRunOnEveryText() {
        Redactor redactor = Redactor.knowing(List.of("db-prod-17.internal.example", "coordinator_prod", "rollout_reader", "/home/alice/.control-room"));
        String sentence = "Checkpoint T+6h at 14:00 UTC: coordinator.error 0.40 % (limit 2.00 %), 12,345 events, 98.50 % assigned. ";
        String text = sentence.repeat(100);
        redactor.redact(text); // warm up
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(redactor.redact(text)).isEqualTo(text);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
}
