package com.rolloutcontrolroom.services.deploy;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.rolloutcontrolroom.domain.redact.SecretPatterns;

/**
 * What a CLI line may carry before anyone sees it: terminal colour codes go, secret-shaped text
 * (a URL's password, {@code token=...}) is masked as elsewhere in the app, and so is every known secret
 * value (the Vercel token the child was given), wherever it appears.
 */
public final class OutputScrubber implements UnaryOperator<String> {

    public static final String MASK = "[secret]";
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[()][0-9A-Za-z]");

    private final List<String> secrets;

    /** @param secrets values to mask wherever they occur; blank ones are ignored */
    public OutputScrubber(List<String> secrets) {
        this.secrets = secrets.stream().filter(secret -> secret != null && !secret.isBlank()).toList();
    }

    @Override
    public String apply(String line) {
        String text = ANSI.matcher(line).replaceAll("");
        for (String secret : secrets) {
            text = text.replace(secret, MASK);
        }
        return SecretPatterns.mask(text, MASK).stripTrailing();
    }
}
