package com.rolloutcontrolroom.domain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunbookImportTest {

    @Test
    void theSeedsTwoLinesGiveTheProfileAndThePasswordSeparately() {
        RunbookImport parsed = RunbookImport.parse("production", """
                export PGPASSWORD='fake-s3cr3t-Value'
                psql "postgresql://postgres.abcdef:fake-s3cr3t-Value@pooler.example.com:6543/postgres"
                """);
        assertThat(parsed.profile().host()).isEqualTo("pooler.example.com");
        assertThat(parsed.profile().port()).isEqualTo(6543);
        assertThat(parsed.profile().user()).isEqualTo("postgres.abcdef");
        assertThat(new String(parsed.password())).isEqualTo("fake-s3cr3t-Value");
        assertThat(parsed.heldPlaintextSecret()).isTrue();
        assertThat(parsed.toString()).doesNotContain("s3cr3t");
    }

    /** Unencoded '?', '/', '@' and '#' are common in generated passwords; none may be read as URL structure. */
    @ParameterizedTest
    @ValueSource(strings = {"s3cr?et", "pa/ss", "p@ss@word", "ha#sh", "mix?/@#:"})
    void aPasswordWithUrlCharactersIsTakenWhole(String password) {
        RunbookImport parsed = RunbookImport.parse("staging", "postgresql://alice:" + password + "@db.internal:5432/app?sslmode=require");
        assertThat(new String(parsed.password())).isEqualTo(password);
        assertThat(parsed.profile().host()).isEqualTo("db.internal");
        assertThat(parsed.profile().port()).isEqualTo(5432);
        assertThat(parsed.profile().database()).isEqualTo("app");
        assertThat(parsed.profile().sslMode()).isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void aBadEscapeInThePasswordIsExplainedWithoutQuotingIt() {
        assertThatThrownBy(() -> RunbookImport.parse("staging", "postgresql://alice:zz%zzFAKESECRET@db.example.com:5432/app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The password in the URL holds a % that does not start an escape like %40; write a literal % as %25.")
                .message().doesNotContain("FAKESECRET");
    }

    @Test
    void aBadPortNamesOnlyTheHostPart() {
        assertThatThrownBy(() -> RunbookImport.parse("staging", "postgresql://alice:FAKESECRET@db.example.com:54x2/app"))
                .message().doesNotContain("FAKESECRET");
    }

    @Test
    void aJdbcUrlWithUserAndPasswordParametersIsReadAndThePasswordIsHandedOverNotKept() {
        RunbookImport parsed = RunbookImport.parse("staging",
                "jdbc:postgresql://db.internal:6543/app?user=reader&password=FAKE%40SECRET&sslmode=require");
        assertThat(parsed.profile().user()).isEqualTo("reader");
        assertThat(parsed.profile().host()).isEqualTo("db.internal");
        assertThat(parsed.profile().port()).isEqualTo(6543);
        assertThat(parsed.profile().database()).isEqualTo("app");
        assertThat(parsed.profile().sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(new String(parsed.password())).isEqualTo("FAKE@SECRET");
        assertThat(parsed.heldPlaintextSecret()).isTrue();
        assertThat(parsed.toString()).doesNotContain("SECRET");
    }

    @Test
    void aJdbcPasswordParameterHoldingAnAtSignIsNotReadAsAHost() {
        RunbookImport parsed = RunbookImport.parse("staging", "jdbc:postgresql://db.internal:5432/app?user=reader&password=fake-p@ss");
        assertThat(parsed.profile().host()).isEqualTo("db.internal");
        assertThat(new String(parsed.password())).isEqualTo("fake-p@ss");
    }

    @Test
    void theUserAndDatabaseMayBeParametersOfAPostgresqlUrlToo() {
        RunbookImport parsed = RunbookImport.parse("staging", "postgresql://db.internal?user=reader&dbname=app");
        assertThat(parsed.profile().user()).isEqualTo("reader");
        assertThat(parsed.profile().database()).isEqualTo("app");
        assertThat(parsed.hasPassword()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://alice@db.internal:5432", "postgresql://alice@db.internal:5432/",
            "postgresql://alice:FAKESECRET@db.internal:5432/?sslmode=require", "jdbc:postgresql://db.internal:5432/?user=alice"})
    void aUrlWithoutADatabaseIsAnErrorNamingTheFixNotTheUserName(String url) {
        assertThatThrownBy(() -> RunbookImport.parse("staging", url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The URL names no database; add it after the host and port, e.g. postgresql://user@db.example.com:5432/postgres.");
    }

    @Test
    void twoPasswordsInOneUrlAreAnErrorThatQuotesNeither() {
        assertThatThrownBy(() -> RunbookImport.parse("staging", "postgresql://alice:FAKEONE@db.internal:5432/app?password=FAKETWO"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The URL holds two passwords (USER:PASSWORD@ and password=); keep one, or better neither and give it separately.")
                .message().doesNotContain("FAKE");
    }

    @Test
    void withNoSslModeInTheUrlTheProfileGetsTheOneDefault() {
        assertThat(RunbookImport.parse("staging", "postgresql://alice@db.internal:5432/app").profile().sslMode()).isEqualTo(SslMode.DEFAULT);
    }
}
