package eu.vetnet.rooms.policy;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real yjs (src/test/js/node_modules, the version the integration tests' clients use) in one long-running
 * {@code node policy-oracle.mjs}: it applies the updates the room server accepted and says what its document then
 * holds, so the server's engine can be compared with the reference one after every accepted update. One command a
 * line each way, as crdt's NodeOracle; every reply is awaited at most {@link #TIMEOUT}, and a process that misses it
 * is killed (its reply stream can no longer be trusted).
 */
final class YjsMirror implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Object EOF = new Object();

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
    private final ArrayDeque<String> stderr = new ArrayDeque<>();
    private long seq;
    private boolean dead;

    /** What yjs holds after an update: the rendering of {@link RulesJson}, its state vector, and whether anything waits. */
    record State(JsonNode json, Map<Long, Long> stateVector, boolean pending) {
    }

    private YjsMirror(Path dir) throws IOException {
        process = new ProcessBuilder(System.getProperty("vetnet.node", "node"), "policy-oracle.mjs").directory(dir.toFile()).start();
        stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        daemon(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    replies.add(line);
                }
            } catch (IOException ignored) {
                // the process went away: EOF below
            } finally {
                replies.add(EOF);
            }
        });
        daemon(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (stderr) {
                        stderr.addLast(line);
                        if (stderr.size() > 30) {
                            stderr.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // stdout's EOF reports it
            }
        });
    }

    /** Starts the mirror from rooms/src/test/js (the module's basedir under surefire, or the repository root). */
    static YjsMirror start() {
        for (Path dir : new Path[] {Path.of("src/test/js"), Path.of("rooms/src/test/js")}) {
            if (Files.isRegularFile(dir.resolve("policy-oracle.mjs"))) {
                if (!Files.isDirectory(dir.resolve("node_modules/yjs"))) {
                    throw new IllegalStateException("no node_modules/yjs in " + dir.toAbsolutePath() + ": run npm ci there");
                }
                try {
                    YjsMirror m = new YjsMirror(dir.toAbsolutePath());
                    m.call(m.command("hello"));
                    return m;
                } catch (IOException e) {
                    throw new IllegalStateException("cannot start node policy-oracle.mjs (is Node 20+ on the PATH?)", e);
                }
            }
        }
        throw new IllegalStateException("policy-oracle.mjs not found from " + Path.of("").toAbsolutePath());
    }

    void newDoc(String id) {
        call(command("new").put("doc", id));
    }

    State apply(String id, byte[] update) {
        return state(call(command("apply").put("doc", id).put("update", Base64.getEncoder().encodeToString(update))));
    }

    State state(String id) {
        return state(call(command("state").put("doc", id)));
    }

    void closeDoc(String id) {
        call(command("close").put("doc", id));
    }

    private static State state(JsonNode reply) {
        Map<Long, Long> sv = new LinkedHashMap<>();
        reply.path("sv").properties().forEach(e -> sv.put(Long.parseLong(e.getKey()), e.getValue().asLong()));
        return new State(reply.path("json"), sv, reply.path("pending").asBoolean());
    }

    private ObjectNode command(String name) {
        return RulesJson.MAPPER.createObjectNode().put("cmd", name);
    }

    /** Sends one command; an error reply, a dead process or a late reply is an {@link IllegalStateException}. */
    private JsonNode call(ObjectNode command) {
        if (dead) {
            throw new IllegalStateException("the yjs mirror is dead; stderr:\n" + stderr());
        }
        long mine = ++seq;
        try {
            stdin.write(RulesJson.MAPPER.writeValueAsString(command.put("seq", mine)));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            dead = true;
            throw new IllegalStateException("cannot write to the yjs mirror; stderr:\n" + stderr(), e);
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Object line;
            try {
                line = replies.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for yjs", e);
            }
            if (line == null || line == EOF) {
                dead = true;
                process.destroyForcibly();
                throw new IllegalStateException((line == null ? "no reply from yjs within " + TIMEOUT : "yjs ended")
                        + " for " + command.path("cmd").asString() + "; stderr:\n" + stderr());
            }
            JsonNode reply = RulesJson.MAPPER.readTree((String) line);
            if (reply.path("seq").asLong(-1) != mine) {
                continue;
            }
            if (reply.has("error")) {
                throw new YjsError(reply.path("error").asString());
            }
            return reply;
        }
    }

    /** yjs threw on a command (for an update the server accepted, that is a divergence). */
    static final class YjsError extends RuntimeException {
        YjsError(String message) {
            super(message);
        }
    }

    private String stderr() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    @Override
    public void close() {
        dead = true;
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void daemon(Runnable body) {
        Thread t = new Thread(body, "yjs-mirror");
        t.setDaemon(true);
        t.start();
    }
}
