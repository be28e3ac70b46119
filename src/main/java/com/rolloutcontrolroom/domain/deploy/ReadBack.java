package com.rolloutcontrolroom.domain.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.rolloutcontrolroom.domain.rollout.FlagValue;

/**
 * What {@code vercel env pull} wrote, read for the rollout's flags only (every other variable in the file
 * is skipped unread, since it may be a secret), and compared with the plan's values.
 */
public final class ReadBack {

    private ReadBack() {
    }

    /** The values of {@code wanted} in a dotenv text ({@code NAME="value"} lines, # comments). */
    public static Map<String, String> values(String dotenv, Set<String> wanted) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String line : dotenv.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("export ")) {
                trimmed = trimmed.substring("export ".length()).strip();
            }
            int equals = trimmed.indexOf('=');
            if (trimmed.startsWith("#") || equals <= 0) {
                continue;
            }
            String name = trimmed.substring(0, equals).strip();
            if (wanted.contains(name)) {
                found.put(name, unquote(trimmed.substring(equals + 1).strip()));
            }
        }
        return found;
    }

    /** Each flag whose observed value differs from the plan's, in one phrase; empty when all match. */
    public static List<String> mismatches(List<FlagValue> planned, Map<String, String> observed) {
        List<String> problems = new ArrayList<>();
        for (FlagValue flag : planned) {
            Optional<String> seen = Optional.ofNullable(observed.get(flag.flag()));
            if (seen.isEmpty()) {
                problems.add(flag.flag() + " is missing (the plan says " + flag.value() + ")");
            } else if (seen.get().isEmpty()) {
                problems.add(flag.flag() + " reads back empty (the plan says " + flag.value()
                        + "; a sensitive variable cannot be read back)");
            } else if (!seen.get().equals(flag.value())) {
                problems.add(flag.flag() + " is " + seen.get() + " (the plan says " + flag.value() + ")");
            }
        }
        return problems;
    }

    public static Set<String> names(List<FlagValue> flags) {
        Set<String> names = new HashSet<>();
        flags.forEach(flag -> names.add(flag.flag()));
        return names;
    }

    private static String unquote(String raw) {
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            String inner = raw.substring(1, raw.length() - 1);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    char next = inner.charAt(++i);
                    out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next);
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
            return raw.substring(1, raw.length() - 1);
        }
        return raw;
    }
}
