package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://user:fakeS3cretPass@host/db | postgresql://user:***@host/db",
            "postgres://u:p@ss:w0rd@db.example.com:6543/postgres?sslmode=require | postgres://u:***@db.example.com:6543/postgres?sslmode=require",
            "not 'postgresql://:fakeS3cretPass@host/db' here | not 'postgresql://:***@host/db' here",
            "jdbc:postgresql://h:5432/db?user=u&password=fakeS3cretPass&ssl=true | jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true",
            "host=h PASSWORD=fakeS3cretPass dbname=x | host=h PASSWORD=*** dbname=x",
            "postgresql://user@host/db | postgresql://user@host/db",
            "--statement-timeout takes SECONDS, not 'abc' | --statement-timeout takes SECONDS, not 'abc'",
    })
    void masksThePasswordAndNothingElse(String text, String expected) {
        assertThat(Redaction.redact(text)).isEqualTo(expected);
    }
}
