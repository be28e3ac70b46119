package com.rolloutcontrolroom.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.rolloutcontrolroom.services.deploy.VercelCliSetup;

/**
 * The fake {@code vercel} of {@code src/test/resources/fake-vercel/vercel}, installed in a folder put
 * first on the PATH the child gets, with a linked project folder and a HOME of its own. Each call it
 * answers is recorded (arguments, standard input, environment) and read back here.
 */
public final class FakeVercel {

    public static final String TOKEN = "vercel-fake-token-7f3a9c";
    public static final String PROJECT_ID = "prj_fake123";

    private final Path bin;
    private final Path log;
    private final Path project;
    private final Path home;
    private final Map<String, String> switches = new HashMap<>();

    public FakeVercel(Path root) {
        try {
            bin = Files.createDirectories(root.resolve("bin"));
            log = Files.createDirectories(root.resolve("calls"));
            home = Files.createDirectories(root.resolve("home"));
            project = Files.createDirectories(root.resolve("project"));
            Files.createDirectories(project.resolve(".vercel"));
            Files.writeString(project.resolve(".vercel/project.json"),
                    "{\"projectId\":\"" + PROJECT_ID + "\",\"orgId\":\"team_fake\"}");
            Path script = bin.resolve("vercel");
            try (InputStream in = FakeVercel.class.getResourceAsStream("/fake-vercel/vercel")) {
                Files.copy(in, script);
            }
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path project() {
        return project;
    }

    public Path bin() {
        return bin;
    }

    public FakeVercel version(String version) {
        switches.put("FAKE_VERCEL_VERSION", version);
        return this;
    }

    /** Variables that exist before the first call, as {@code NAME:target=value}. */
    public FakeVercel existing(String... variables) {
        switches.put("FAKE_VERCEL_EXISTING", String.join(",", variables));
        return this;
    }

    /** not-logged-in, not-linked, exit1, hang, network, mismatch or echo-token; null for none. */
    public FakeVercel mode(String mode) {
        if (mode == null) {
            switches.remove("FAKE_VERCEL_MODE");
        } else {
            switches.put("FAKE_VERCEL_MODE", mode);
        }
        return this;
    }

    /** The child's environment: the fake first on PATH, a HOME of its own, no token of this process's. */
    public Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", home.toString());
        environment.put("FAKE_VERCEL_LOG", log.toString());
        environment.putAll(switches);
        return environment;
    }

    public Function<String, VercelCliSetup> setups(Duration commandTimeout, Duration deployTimeout) {
        return executable -> new VercelCliSetup(executable, environment(), commandTimeout, deployTimeout);
    }

    public Function<String, VercelCliSetup> setups() {
        return setups(Duration.ofSeconds(20), Duration.ofSeconds(20));
    }

    /** One call the fake answered. */
    public record Call(List<String> arguments, String stdin, Map<String, String> environment) {
        /** The arguments as one line, for comparing with the expected commands. */
        public String line() {
            return String.join(" ", arguments);
        }
    }

    public List<Call> calls() {
        try (Stream<Path> files = Files.list(log)) {
            List<Path> args = files.filter(p -> p.getFileName().toString().endsWith(".args")).sorted().toList();
            List<Call> calls = new ArrayList<>();
            for (Path file : args) {
                String base = file.toString().substring(0, file.toString().length() - ".args".length());
                List<String> arguments = Files.readAllLines(file, StandardCharsets.UTF_8);
                Map<String, String> environment = new HashMap<>();
                for (String line : Files.readAllLines(Path.of(base + ".env"), StandardCharsets.UTF_8)) {
                    int equals = line.indexOf('=');
                    if (equals > 0) {
                        environment.put(line.substring(0, equals), line.substring(equals + 1));
                    }
                }
                calls.add(new Call(arguments, Files.readString(Path.of(base + ".stdin")), environment));
            }
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> lines() {
        return calls().stream().map(Call::line).toList();
    }

    /** Forgets the calls so far (the variables the fake keeps stay). */
    public void clearCalls() {
        try (Stream<Path> files = Files.list(log)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("call-")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variables the fake holds now, as {@code NAME:target=value} lines. */
    public List<String> variables() {
        try {
            Path state = log.resolve("state");
            return Files.exists(state) ? Files.readAllLines(state) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
