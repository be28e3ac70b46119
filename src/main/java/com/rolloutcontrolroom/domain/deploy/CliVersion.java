package com.rolloutcontrolroom.domain.deploy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed Vercel CLI's version, as {@code vercel --version} prints it, and what it means for the
 * options the adapter may pass. Each boundary was read in the CLI's own help of the versions on either
 * side (see the README, Flag control):
 * <ul>
 *   <li>{@code env add --force} overwrites an existing variable from 34.0.0 (33.7.1 has no such option,
 *       so older CLIs get {@code env rm NAME TARGET --yes} and then {@code env add});</li>
 *   <li>{@code env add --yes} from 51.0.0, which asks for a Preview Git branch even when the value comes on
 *       standard input (50.0.0 has no {@code --yes} and asks nothing when standard input carries the value);</li>
 *   <li>{@code env add --no-sensitive} from 52.0.0, which stores Production and Preview values as sensitive
 *       by default, and a sensitive value reads back empty, so the read-back could never confirm it.</li>
 * </ul>
 */
public record CliVersion(int major, int minor, int patch) implements Comparable<CliVersion> {

    public static final CliVersion FORCE_OPTION = new CliVersion(34, 0, 0);
    public static final CliVersion ADD_YES_OPTION = new CliVersion(51, 0, 0);
    public static final CliVersion SENSITIVE_DEFAULT = new CliVersion(52, 0, 0);
    /** What a dry run assumes when no CLI can be asked: the version CI checks the options against. */
    public static final CliVersion ASSUMED = new CliVersion(58, 10, 0);

    private static final Pattern VERSION = Pattern.compile("(?<![\\d.])(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})(?![\\d])");

    /** The first x.y.z in what {@code vercel --version} printed ("Vercel CLI 33.7.1", or "58.10.0" alone). */
    public static Optional<CliVersion> parse(String output) {
        if (output == null) {
            return Optional.empty();
        }
        Matcher matcher = VERSION.matcher(output);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new CliVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))));
    }

    public boolean atLeast(CliVersion other) {
        return compareTo(other) >= 0;
    }

    public boolean overwritesWithForce() {
        return atLeast(FORCE_OPTION);
    }

    public boolean addTakesYes() {
        return atLeast(ADD_YES_OPTION);
    }

    public boolean addsSensitiveByDefault() {
        return atLeast(SENSITIVE_DEFAULT);
    }

    @Override
    public int compareTo(CliVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
