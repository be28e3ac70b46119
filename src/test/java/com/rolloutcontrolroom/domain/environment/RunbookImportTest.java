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
}
