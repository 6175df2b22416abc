package eu.vetnet.rooms.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real Yjs clients of src/test/js/puppet.mjs, one Node process: commands out as NDJSON, one answer each.
 * The machine's {@code node} runs it; {@code npm ci} ran in generate-test-resources.
 */
final class NodeClients implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("src/test/js");

    private final Process process;
    private final Writer in;
    private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final StringBuilder stderr = new StringBuilder();

    NodeClients() throws IOException {
        if (!Files.isDirectory(DIR.resolve("node_modules"))) {
            throw new IllegalStateException("run npm ci in rooms/src/test/js (Maven does it in generate-test-resources)");
        }
        process = new ProcessBuilder("node", "puppet.mjs").directory(DIR.toFile()).start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("{\"id\":")) {
                        answers.add(JSON.readTree(line));
                    }
                }
            } catch (IOException e) {
                // process ended
            }
        }, "node-clients-out");
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (stderr) {
                        if (stderr.length() < 20_000) {
                            stderr.append(line).append('\n');
                        }
                    }
                }
            } catch (IOException e) {
                // process ended
            }
        }, "node-clients-err");
        errors.setDaemon(true);
        errors.start();
    }

    /** Sends one command and waits for its answer's value. */
    synchronized JsonNode call(String cmd, Map<String, ?> args) {
        ObjectNode node = JSON.valueToTree(args);
        long id = ids.incrementAndGet();
        node.put("id", id);
        node.put("cmd", cmd);
        try {
            in.write(JSON.writeValueAsString(node) + "\n");
            in.flush();
            JsonNode answer = null;
            for (int waited = 0; answer == null && waited < 60 && process.isAlive(); waited++) {
                answer = answers.poll(1, TimeUnit.SECONDS);
            }
            if (answer == null) {
                answer = answers.poll();
            }
            if (answer == null) {
                throw new IllegalStateException("no answer to " + cmd + "; node stderr:\n" + stderr());
            }
            if (answer.has("error")) {
                throw new IllegalStateException(cmd + " failed in node: " + answer.get("error").asText());
            }
            return answer.get("ok");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(cmd + " could not be sent; node stderr:\n" + stderr(), e);
        }
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    @Override
    public void close() {
        try {
            call("destroyAll", Map.of());
        } catch (RuntimeException e) {
            // already gone
        }
        process.destroy();
    }
}
