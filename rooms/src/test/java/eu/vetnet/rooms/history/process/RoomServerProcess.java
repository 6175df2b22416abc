package eu.vetnet.rooms.history.process;

import eu.vetnet.testkit.LocalServices;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A room server as its own OS process (the exec jar, built by {@code mvn -pl rooms -am package -DskipTests}),
 * on a free port, with the Cassandra history and Redis presence on: so tests can kill -9 it or send it SIGTERM.
 */
final class RoomServerProcess implements AutoCloseable {

    final String node;
    final int port;
    final Path log;
    private final Process process;

    private RoomServerProcess(String node, int port, Path log, Process process) {
        this.node = node;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** @param extra more command-line settings ({@code --name=value}), each replacing the default of that name */
    static RoomServerProcess start(String node, TokenIssuer issuer, String keyspace, String redisPrefix, String... extra)
            throws Exception {
        Path root = LocalServices.repositoryRoot();
        File[] jars = root.resolve("rooms/target").toFile().listFiles((d, n) -> n.startsWith("vetnet-rooms-") && n.endsWith("-exec.jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no rooms/target/*-exec.jar: build it with mvn -q -pl rooms -am package -DskipTests");
        }
        int port = eu.vetnet.testkit.FreePorts.pick();
        Path log = root.resolve("rooms/target/process-" + node + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jars[0].getAbsolutePath(),
                "--server.port=" + port,
                "--vetnet.rooms.auth.issuer-uri=" + TokenIssuer.ISSUER,
                "--vetnet.rooms.auth.jwk-set-uri=" + issuer.jwkSetUri(),
                "--vetnet.rooms.limits.unload-grace=1s",
                "--vetnet.history.store=cassandra",
                "--vetnet.cassandra.keyspace=" + keyspace,
                "--vetnet.cassandra.consistency=ONE",
                "--vetnet.presence.store=redis",
                "--vetnet.presence.node-id=" + node,
                "--vetnet.presence.key-prefix=" + redisPrefix,
                "--vetnet.presence.lease-ttl=3s",
                "--vetnet.presence.ttl=3s",
                "--vetnet.presence.heartbeat=1s"));
        for (String setting : extra) {
            // Spring would join two values of one setting with a comma: the later one replaces the default here.
            String name = setting.substring(0, setting.indexOf('=') + 1);
            command.removeIf(arg -> arg.startsWith(name));
            command.add(setting);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RoomServerProcess p = new RoomServerProcess(node, port, log, process);
        p.awaitReady();
        return p;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("room server " + node + " exited: " + tail());
            }
            String out = Files.exists(log) ? Files.readString(log) : "";
            if (out.contains("history: Cassandra at")) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(http() + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("room server " + node + " not ready in 120 s: " + tail());
    }

    /**
     * Creates a room through the REST API as {@code token}'s user; {@code body} is the create request's JSON.
     * Returns its id; fails the test when the server does not answer 201.
     */
    String createRoom(String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http() + "/api/rooms"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(201, r.statusCode(), r.body());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), r.body());
        return m.group(1);
    }

    String http() {
        return "http://127.0.0.1:" + port;
    }

    String ws() {
        return "ws://127.0.0.1:" + port;
    }

    /** kill -9: no shutdown hook, no drain. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and wait for the graceful shutdown to finish. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process.exitValue();
    }

    /** Everything the server logged so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The last 4,000 characters of {@link #log()}, for failure messages. */
    String tail() {
        String out = log();
        return out.length() > 4000 ? out.substring(out.length() - 4000) : out;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    static Duration sinceStart(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
