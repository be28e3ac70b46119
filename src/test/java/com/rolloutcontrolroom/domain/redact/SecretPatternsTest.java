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
