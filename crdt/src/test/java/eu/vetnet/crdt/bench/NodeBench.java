package eu.vetnet.crdt.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the JS half, {@code node --expose-gc bench.mjs}, and reads its JSON lines back as results. */
final class NodeBench {

    private final Path jsDir;
    private final String node;

    NodeBench(Path jsDir, String node) {
        this.jsDir = jsDir;
        this.node = node;
    }

    List<BenchResult> run(int runs, List<String> engines, List<String> cases, Consumer<BenchResult> progress) {
        if (!jsDir.resolve("node_modules").toFile().isDirectory()) {
            throw new IllegalStateException(jsDir + "/node_modules is missing: run `npm ci` there (or `mvn -o -pl crdt test-compile`)");
        }
        List<String> command = List.of(node, "--expose-gc", "bench.mjs", "--runs=" + runs,
                "--engines=" + String.join(",", engines), "--cases=" + String.join(",", cases));
        JsonMapper json = JsonMapper.builder().build();
        List<BenchResult> results = new ArrayList<>();
        try {
            Process proc = new ProcessBuilder(command).directory(jsDir.toFile()).start();
            proc.getOutputStream().close();
            // bench.mjs writes its own table to stderr; keep it, and show it only if node fails.
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> copy(proc.getErrorStream(), stderr), "bench.mjs stderr");
            drain.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (!line.startsWith("{")) {
                        continue;
                    }
                    JsonNode n = json.readTree(line);
                    List<Double> values = new ArrayList<>();
                    n.get("runs").forEach(v -> values.add(v.asDouble()));
                    BenchResult r = new BenchResult(n.get("engine").asString(), n.get("case").asString(),
                            n.get("metric").asString(), n.get("median").asDouble(), List.copyOf(values));
                    results.add(r);
                    progress.accept(r);
                }
            }
            int exit = proc.waitFor();
            drain.join();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + exit + "):\n"
                        + stderr.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command) + " in " + jsDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while node was running", e);
        }
        return results;
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        try (in) {
            in.transferTo(to);
        } catch (IOException e) {
            to.writeBytes(("(reading node's stderr failed: " + e + ")").getBytes(StandardCharsets.UTF_8));
        }
    }
}
