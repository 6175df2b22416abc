package eu.vetnet.hosts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server process on one host (inside its network namespace): started from a command, its output in a log file,
 * stopped with SIGTERM (waiting for its own drain) or SIGKILL. Can be started again with the same command.
 */
final class HostProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final String host;
    final String address;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private int starts;

    HostProcess(String name, String host, String address, List<String> command, Map<String, String> environment, Path logs) {
        this.name = name;
        this.host = host;
        this.address = address;
        this.command = command;
        this.environment = environment;
        this.log = logs.resolve(name + ".log");
    }

    /** Starts the process (appending to its log, so a restart keeps what came before). */
    synchronized HostProcess start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        starts++;
        Files.writeString(log, "\n==== start " + starts + " at " + java.time.Instant.now() + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(Network.inside(host, command))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9: no drain, no goodbye. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then waits up to {@code grace} for the process's own shutdown; SIGKILL after that. Returns its exit code. */
    synchronized int terminate(Duration grace) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return process == null ? 0 : process.exitValue();
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            System.out.println("  " + name + " did not stop within " + grace.toSeconds() + " s of SIGTERM: SIGKILL");
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    /** Waits until {@code url} answers 200 (a health check), failing early if the process exits. */
    void awaitHttp(String url, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            ensureAlive();
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not answer " + url + " within " + within.toSeconds() + " s:\n" + tail());
    }

    /** Waits until the log, since the latest start, holds {@code marker}. */
    void awaitLog(String marker, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            ensureAlive();
            if (sinceLatestStart().contains(marker)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not log '" + marker + "' within " + within.toSeconds() + " s:\n" + tail());
    }

    String sinceLatestStart() throws IOException {
        String all = Files.readString(log, StandardCharsets.ISO_8859_1);
        int at = all.lastIndexOf("\n==== start ");
        return at < 0 ? all : all.substring(at);
    }

    private void ensureAlive() {
        if (!alive()) {
            throw new IllegalStateException(name + " exited during start:\n" + tail());
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    Path log() {
        return log;
    }
}
