package com.rolloutcontrolroom.domain.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretPatternsTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "psql \"postgresql://app:fakePass1@db.example.com/x\" => psql \"postgresql://app:<redacted>@db.example.com/x\"",
            "export PGPASSWORD='fake pass 1' => export PGPASSWORD=<redacted>",
            "VERCEL_TOKEN=fakeToken123 vercel --prod => VERCEL_TOKEN=<redacted> vercel --prod",
            "vercel --prod --token fakeToken123 => vercel --prod --token <redacted>",
            "vercel --prod --token=fakeToken123 => vercel --prod --token=<redacted>",
            "curl -H x --api-key fakeKey9 => curl -H x --api-key <redacted>",
            "jdbc:postgresql://h/db?password=fakeSecret&ssl=true => jdbc:postgresql://h/db?password=<redacted>&ssl=true",
            "mvn test -Dpassword=fakePw1 -Dx=1 => mvn test -Dpassword=<redacted> -Dx=1",
            "mvn test -Dspring.datasource.password=fakePw2 => mvn test -Dspring.datasource.password=<redacted>",
            "curl https://h.test/x?access_token=fakeT&a=b => curl https://h.test/x?access_token=<redacted>&a=b",
            "export db_Api_Key=\"fake key\" => export db_Api_Key=<redacted>",
    })
    void secretsAreMasked(String text, String masked) {
        assertThat(SecretPatterns.mask(text, "<redacted>")).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "vercel --target preview",
            "printf '%s\\n' true | vercel env add FEATURE_TOKENS_V2 preview",
            "read the password from --password-stdin",
            "vercel --token --prod",
            "the TOKEN_BUCKET limit is 3",
            "SELECT count(*) FROM t WHERE context->>'token' IS NULL",
            "mvn test -Dtest=PasswordPolicyTest",
            "gate Pass: Over the whole window the success rate is 98.97 %",
            "Staging full: Pass: 48 of 48 hours at or above the pass line",
    })
    void textWithoutSecretsIsLeftAsItWas(String text) {
        assertThat(SecretPatterns.mask(text, "<redacted>")).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "export PGPASSWORD='fake pass 1' && psql password=fakeX",
            "vercel --token fakeToken123 token=fakeY",
    })
    void maskingTwiceChangesNothingMore(String text) {
        for (String mask : new String[] {"***", "[secret]", "<redacted>"}) {
            String once = SecretPatterns.mask(text, mask);
            assertThat(SecretPatterns.mask(once, mask)).isEqualTo(once).doesNotContain("fake");
        }
    }
}
