package com.rolloutcontrolroom.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;

/**
 * A real PgBouncer ({@code /usr/sbin/pgbouncer}, Debian package {@code pgbouncer}), in transaction
 * pool mode unless told otherwise, on a free loopback port (never 6543), in front of the password PostgreSQL. It refuses to run as
 * root, so under root it is started with {@code -u nobody} and its files are made world-readable.
 */
public final class PgBouncer implements AutoCloseable {

    private static final List<Path> LOCATIONS = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"));

    private final Process process;
    private final int port;
    private final Path log;

    private PgBouncer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static boolean installed() {
        return LOCATIONS.stream().anyMatch(Files::isExecutable);
    }

    /**
     * @param discardAfterEveryTransaction run {@code DISCARD ALL} after every transaction, so a named
     *        prepared statement never survives into the next one (what a busy pooler does by chance)
     */
    public static PgBouncer start(PasswordPostgres postgres, Path folder, boolean discardAfterEveryTransaction)
            throws IOException, InterruptedException {
        return start(postgres, folder, "transaction", discardAfterEveryTransaction);
    }

    /**
     * @param poolMode PgBouncer's {@code pool_mode}: session, transaction or statement
     * @throws IllegalStateException when pgbouncer is not installed: a test that needs it fails, never skips
     */
    public static PgBouncer start(PasswordPostgres postgres, Path folder, String poolMode, boolean discardAfterEveryTransaction)
            throws IOException, InterruptedException {
        MachineRequirement.require(installed(), "pgbouncer is not installed; apt-get install pgbouncer.");
        Path binary = LOCATIONS.stream().filter(Files::isExecutable).findFirst().orElseThrow();
        int port = freePort();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path users = Files.writeString(folder.resolve("userlist.txt"),
                "\"" + PasswordPostgres.ROLE + "\" \"" + postgres.password() + "\"\n");
        Path config = Files.writeString(folder.resolve("pgbouncer.ini"), String.join("\n",
                "[databases]",
                PasswordPostgres.DATABASE + " = host=" + PasswordPostgres.HOST + " port=" + postgres.port() + " dbname=" + PasswordPostgres.DATABASE,
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = scram-sha-256",
                "auth_file = " + users,
                "pool_mode = " + poolMode,
                "default_pool_size = 2",
                "server_reset_query = DISCARD ALL",
                "server_reset_query_always = " + (discardAfterEveryTransaction ? 1 : 0),
                ""));
        for (Path file : List.of(users, config)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.add(config.toString());
        Path log = folder.resolve("pgbouncer.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PgBouncer bouncer = new PgBouncer(process, port, log);
        bouncer.awaitListening(Duration.ofSeconds(10));
        return bouncer;
    }

    public int port() {
        return port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer exited with " + process.exitValue() + ": " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("pgbouncer did not listen on port " + port + " within " + timeout.toSeconds() + " s: " + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
