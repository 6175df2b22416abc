package eu.vetnet.bench.servers;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A server under test, started as its own process: the harness reads its CPU time and resident memory from
 * /proc, the same way for the JVM and for Node, so the two are measured alike.
 */
public final class ServerProcess implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** The CPUs every server under test is started on ({@code taskset -c}); empty: no pinning. */
    private static volatile String cpus = "";

    public static void pinTo(String serverCpus) {
        cpus = serverCpus == null ? "" : serverCpus.trim();
    }

    public static ServerProcess start(String name, List<String> command, Path workDir, Path log,
            java.util.Map<String, String> env) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> pinned = new java.util.ArrayList<>();
        if (!cpus.isEmpty()) {
            pinned.addAll(List.of("taskset", "-c", cpus));
        }
        pinned.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(pinned).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new ServerProcess(name, pb.start(), log);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code url} answers 2xx (or, for a bare port, accepts a connection). */
    public void awaitReady(String url, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited during start: " + tail());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                int status = c.getResponseCode();
                c.disconnect();
                if (status < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException(name + " not ready after " + timeout.toSeconds() + " s: " + tail());
    }

    /** User plus system CPU time of the whole process (every thread: event loops, workers, GC, JIT). */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 (utime) and 15 (stime) of proc(5), counted from after the command name
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** Resident set size in bytes. */
    public long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for " + pid());
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
