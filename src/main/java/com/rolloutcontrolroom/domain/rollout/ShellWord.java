package com.rolloutcontrolroom.domain.rollout;

import java.util.regex.Pattern;

/** One word for a POSIX shell: left bare when nothing in it is special, else in single quotes. */
public final class ShellWord {

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellWord() {
    }

    public static String quote(String word) {
        if (BARE.matcher(word).matches()) {
            return word;
        }
        // inside single quotes nothing is special but the quote itself: close, escape it, reopen
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
