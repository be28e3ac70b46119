package com.rolloutcontrolroom.domain.redact;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Takes out of a sentence what must not reach a shared screen: host names, IP addresses, ports,
 * database and user names, URLs, file-system paths and secrets, each replaced by a token naming its
 * kind ({@code [host]}, {@code [path]}). Pure text in, text out; the one place this is decided
 * ({@code PresentationMode} applies it wherever the app makes text). The product's own words
 * (event types such as {@code coordinator.error}, percentages, times such as {@code 14:00 UTC} or
 * {@code T+6h}) are left alone: every pattern is anchored so that they do not match.
 */
public final class Redactor {

    /** What a masked piece of text was; its token replaces it. */
    public enum Sensitive {
        HOST("[host]"), IP("[ip]"), PORT("[port]"), URL("[url]"), PATH("[path]"), USER("[user]"),
        DATABASE("[database]"), SECRET("[secret]"), HIDDEN("[hidden]");

        private final String token;

        Sensitive(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    /** Shorter known words would mask parts of ordinary sentences. */
    private static final int MIN_KNOWN_WORD = 3;

    private static final String HOST_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final String HOST_SUFFIX = "(?:com|net|org|io|internal|local|localdomain|lan|corp|cloud|dev|example|intranet|test|home)";
    private static final String HEX = "[0-9A-Fa-f]{1,4}";
    // after a host or address already masked, or a bare host name: ":5432" is its port (times such as 14:00 start with a digit)
    private static final Pattern MASKED_HOST_PORT = Pattern.compile("(?<=\\[(?:host|ip)\\]):\\d{1,5}(?!\\d)");

    // the order matters: whole URLs before their parts, known words before the patterns that would give them a vaguer kind
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?i)(?<![\\w.+-])(?:jdbc:)?[a-z][a-z0-9+.-]*://[^\\s'\"<>()\\[\\]]*[^\\s'\"<>()\\[\\].,;:!?]"),
                    match -> Sensitive.URL.token()),
            new Rule(SecretPatterns.KEY_VALUE, match -> match.group(1) + match.group(2) + Sensitive.SECRET.token()),
            new Rule(Pattern.compile("(?i)\\b(user|username|login|role)(\\s*=\\s*|\\s*:\\s*)(?!\\[)[^\\s&;'\",]+"),
                    match -> match.group(1) + match.group(2) + Sensitive.USER.token()),
            new Rule(Pattern.compile("(?i)\\b(dbname|database)(\\s*=\\s*|\\s*:\\s*)(?!\\[)[^\\s&;'\",]+"),
                    match -> match.group(1) + match.group(2) + Sensitive.DATABASE.token()),
            new Rule(Pattern.compile("(?i)\\b(host|hostaddr)(\\s*=\\s*|\\s*:\\s*)(?!\\[)[^\\s&;'\",]+"),
                    match -> match.group(1) + match.group(2) + Sensitive.HOST.token()),
            new Rule(Pattern.compile("(?i)\\b(user|role)(\\s+\")[^\"]*\""), match -> match.group(1) + match.group(2) + Sensitive.USER.token() + "\""),
            new Rule(Pattern.compile("(?i)\\b(database)(\\s+\")[^\"]*\""), match -> match.group(1) + match.group(2) + Sensitive.DATABASE.token() + "\""),
            new Rule(Pattern.compile("(?<![\\w.+\\[-])[\\w.+-]+@" + HOST_LABEL + "(?:\\." + HOST_LABEL + ")*"),
                    match -> Sensitive.USER.token() + "@" + Sensitive.HOST.token()),
            new Rule(Pattern.compile("(?<![\\w\\\\])[A-Za-z]:\\\\[^\\s'\"<>|]*(?<![.,;:])"), match -> Sensitive.PATH.token()),
            new Rule(Pattern.compile("(?<![\\w\\\\])\\\\\\\\[\\w.$-]+\\\\[^\\s'\"<>|]*(?<![.,;:])"), match -> Sensitive.PATH.token()),
            new Rule(Pattern.compile("(?<![\\w.:/\\\\\\]\\[)~-])~?/[\\w.@+-]+(?:/[\\w.@+-]*)*(?<![.,])"), match -> Sensitive.PATH.token()),
            new Rule(Pattern.compile("(?<![\\w:.])(?:" + HEX + "(?::" + HEX + "){7}|(?:" + HEX + "(?::" + HEX + ")*)?::(?:" + HEX + "(?::" + HEX + ")*)?)"
                    + "(?![\\w:.])"), match -> match.group().equals("::") ? "::" : Sensitive.IP.token()),
            new Rule(Pattern.compile("(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w]|\\.\\d)"), match -> Sensitive.IP.token()),
            new Rule(Pattern.compile("(?i)(?<![\\w.@-])(?:" + HOST_LABEL + "\\.)+" + HOST_SUFFIX + "(?![\\w-]|\\.\\w)"), match -> Sensitive.HOST.token()),
            new Rule(Pattern.compile("(?i)(?<![\\w.-])localhost(?![\\w-])"), match -> Sensitive.HOST.token()),
            new Rule(Pattern.compile("(?<![\\w.:/\\[\\]-])[A-Za-z][\\w-]*:\\d{2,5}(?![\\w:.]|\\.\\d)"),
                    match -> Sensitive.HOST.token() + ":" + Sensitive.PORT.token()),
            new Rule(MASKED_HOST_PORT, match -> ":" + Sensitive.PORT.token()),
            new Rule(Pattern.compile("(?i)\\b(port)(\\s*[=:]\\s*|\\s+)\\d{1,5}(?!\\d)"),
                    match -> match.group(1) + match.group(2) + Sensitive.PORT.token()));

    private final Pattern knownPattern;
    private final Map<String, Sensitive> knownKinds;

    private Redactor(Map<String, Sensitive> known) {
        Map<String, Sensitive> kinds = new HashMap<>();
        known.forEach((word, kind) -> {
            if (word != null && word.strip().length() >= MIN_KNOWN_WORD) {
                kinds.put(word.strip().toLowerCase(Locale.ROOT), kind == null ? Sensitive.HIDDEN : kind);
            }
        });
        this.knownKinds = Map.copyOf(kinds);
        // one alternation, longest first, so a host is masked whole before a shorter word inside it
        this.knownPattern = kinds.isEmpty() ? null : Pattern.compile("(?<![\\w])(?:" + kinds.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")(?![\\w])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * @param knownWords what is sensitive here although no pattern can tell: the profiles' hosts,
     *        database and user names, the OS login, the data folder; the kind of each is guessed from its shape
     */
    public static Redactor knowing(Collection<String> knownWords) {
        Map<String, Sensitive> known = new LinkedHashMap<>();
        knownWords.stream().filter(Objects::nonNull).forEach(word -> known.put(word, guessKind(word)));
        return new Redactor(known);
    }

    /** @param knownWords each sensitive word with what it is, so its token says so */
    public static Redactor knowing(Map<String, Sensitive> knownWords) {
        return new Redactor(knownWords);
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = RULES.get(0).apply(text);
        if (knownPattern != null) {
            out = replace(knownPattern, out, match -> knownKinds.getOrDefault(match.group().toLowerCase(Locale.ROOT), Sensitive.HIDDEN).token());
        }
        for (Rule rule : RULES.subList(1, RULES.size())) {
            out = rule.apply(out);
        }
        return out;
    }

    private static Sensitive guessKind(String word) {
        String w = word.strip();
        if (w.contains("/") || w.contains("\\")) {
            return Sensitive.PATH;
        }
        if (w.matches("\\d{1,5}")) {
            return Sensitive.PORT;
        }
        if (w.matches("(?:\\d{1,3}\\.){3}\\d{1,3}") || w.matches("[0-9A-Fa-f:]*:[0-9A-Fa-f:]*")) {
            return Sensitive.IP;
        }
        if (w.contains(".")) {
            return Sensitive.HOST;
        }
        return Sensitive.HIDDEN;
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {
        String apply(String text) {
            return replace(pattern, text, replacement);
        }
    }
}
