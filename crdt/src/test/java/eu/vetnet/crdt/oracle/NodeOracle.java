package eu.vetnet.crdt.oracle;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives a reference engine (yjs or ywasm) in one long-running {@code node oracle.mjs <engine>}
 * process: one JSON command a line on stdin, one JSON reply a line on stdout.
 *
 * <p>Not thread-safe beyond one call at a time (calls are synchronized). Every read has a timeout;
 * a process that misses it is killed, since the reply stream can no longer be trusted. The JS
 * folder is {@code src/test/js} of the crdt module, found from the working directory (surefire
 * runs in the module's basedir) or given by the system property {@value #JS_DIR_PROPERTY}.
 */
public final class NodeOracle implements AutoCloseable {

    /** System property naming the folder that holds oracle.mjs and its node_modules. */
    public static final String JS_DIR_PROPERTY = "vetnet.crdt.js";
    /** System property naming the node executable (default: {@code node} on the PATH). */
    public static final String NODE_PROPERTY = "vetnet.node";
    /** How long one command may take before the oracle is declared wedged. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final int STDERR_TAIL_LINES = 40;
    private static final Object EOF = new Object();

    private final Engine engine;
    private final Duration timeout;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private long seq;
    private volatile boolean closed;

    private NodeOracle(Engine engine, Duration timeout, Path jsDir) {
        this.engine = engine;
        this.timeout = timeout;
        String node = System.getProperty(NODE_PROPERTY, "node");
        ProcessBuilder pb = new ProcessBuilder(node, "oracle.mjs", engine.id()).directory(jsDir.toFile());
        try {
            this.process = pb.start();
        } catch (IOException e) {
            throw new OracleException(engine.id(), "cannot start '" + node + " oracle.mjs' in " + jsDir
                    + " (is Node 20+ on the PATH, or -D" + NODE_PROPERTY + " set?)", null, null, e);
        }
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        daemon("oracle-" + engine.id() + "-stdout", () -> pumpStdout(process.getInputStream()));
        daemon("oracle-" + engine.id() + "-stderr", () -> pumpStderr(process.getErrorStream()));
    }

    /** Starts the given engine with the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
    public static NodeOracle start(Engine engine) {
        return start(engine, DEFAULT_TIMEOUT);
    }

    /** Starts the given engine; {@code timeout} bounds every single command. */
    public static NodeOracle start(Engine engine, Duration timeout) {
        NodeOracle oracle = new NodeOracle(engine, timeout, jsDir(engine));
        JsonNode hello = oracle.call(oracle.command("hello"));
        if (!engine.id().equals(hello.path("engine").asString(""))) {
            oracle.close();
            throw new OracleException(engine.id(), "unexpected greeting " + hello, null, oracle.stderr(), null);
        }
        return oracle;
    }

    /** The engine this oracle runs. */
    public Engine engine() {
        return engine;
    }

    /** Creates document {@code id} with the given client id and garbage collection on or off. */
    public void newDoc(String id, long clientId, boolean gc) {
        call(command("new").put("doc", id).put("clientId", clientId).put("gc", gc));
    }

    /** Applies a v1 update to document {@code id}. */
    public void apply(String id, byte[] update) {
        call(command("apply").put("doc", id).put("update", b64(update)));
    }

    /** Applies a v2 update to document {@code id}. */
    public void applyV2(String id, byte[] update) {
        call(command("applyV2").put("doc", id).put("update", b64(update)));
    }

    /** encodeStateAsUpdate (v1) of document {@code id}, everything after {@code sv} (null: everything). */
    public byte[] encodeState(String id, byte[] sv) {
        return bytes(call(command("encodeState").put("doc", id).put("sv", sv == null ? null : b64(sv))), "update");
    }

    /** encodeStateAsUpdate (v1) of the whole document {@code id}. */
    public byte[] encodeState(String id) {
        return encodeState(id, null);
    }

    /** encodeStateAsUpdateV2 of document {@code id}, everything after {@code sv} (null: everything). */
    public byte[] encodeStateV2(String id, byte[] sv) {
        return bytes(call(command("encodeStateV2").put("doc", id).put("sv", sv == null ? null : b64(sv))), "update");
    }

    /** encodeStateVector of document {@code id}. */
    public byte[] stateVector(String id) {
        return bytes(call(command("stateVector").put("doc", id)), "sv");
    }

    /**
     * The content of document {@code id}: {@code {"text": {"string", "delta"}, "map": ..., "array": ...,
     * "xml": {"string", "json", "tree"}}}, binary as {@code {"$bin": base64}}, big ints as {@code {"$bigint": "..."}}.
     */
    public JsonNode json(String id) {
        return call(command("json").put("doc", id)).path("json");
    }

    /** Runs one op in one transaction and returns the v1 update it produced, or null when it changed nothing. */
    public byte[] op(String id, JsonNode op) {
        ObjectNode cmd = command("op").put("doc", id);
        cmd.set("op", op);
        return bytes(call(cmd), "update");
    }

    /** Runs one op given as a map (keys as in the protocol: kind, path, index, text, ...). */
    public byte[] op(String id, Map<String, ?> op) {
        JsonNode tree = MAPPER.valueToTree(op);
        return op(id, tree);
    }

    /** A snapshot (v1 encoding) of document {@code id}. */
    public byte[] snapshot(String id) {
        return bytes(call(command("snapshot").put("doc", id)), "snapshot");
    }

    /** The content of document {@code id} as of {@code snapshot}, in the shape of {@link #json}; needs gc off. */
    public JsonNode snapshotJson(String id, byte[] snapshot) {
        return call(command("snapshotJson").put("doc", id).put("snapshot", b64(snapshot))).path("json");
    }

    /** mergeUpdates (v1), with no document. yjs only. */
    public byte[] mergeUpdates(List<byte[]> updates) {
        ObjectNode cmd = command("mergeUpdates");
        ArrayNode list = cmd.putArray("updates");
        updates.forEach(u -> list.add(b64(u)));
        return bytes(call(cmd), "update");
    }

    /** diffUpdate (v1): what {@code update} holds beyond {@code sv}. yjs only. */
    public byte[] diffUpdate(byte[] update, byte[] sv) {
        return bytes(call(command("diffUpdate").put("update", b64(update)).put("sv", b64(sv))), "update");
    }

    /** encodeStateVectorFromUpdate (v1). yjs only. */
    public byte[] stateVectorFromUpdate(byte[] update) {
        return bytes(call(command("encodeStateVectorFromUpdate").put("update", b64(update))), "sv");
    }

    /** A human-readable listing of a v1 update's structs and delete set, for failure messages. */
    public String describeUpdate(byte[] update) {
        return call(command("describeUpdate").put("update", b64(update))).path("text").asString();
    }

    /** convertUpdateFormatV1ToV2. yjs only. */
    public byte[] convertV1ToV2(byte[] update) {
        return bytes(call(command("convertV1ToV2").put("update", b64(update))), "update");
    }

    /** Destroys document {@code id}. */
    public void closeDoc(String id) {
        call(command("close").put("doc", id));
    }

    /** Destroys every document. */
    public void reset() {
        call(command("reset"));
    }

    /** A fresh command object; send it with {@link #call}. */
    public ObjectNode command(String name) {
        return MAPPER.createObjectNode().put("cmd", name);
    }

    /**
     * Sends one command and returns its reply.
     *
     * @throws OracleException when the reply is an error, the process died, or no reply came in time
     */
    public synchronized JsonNode call(ObjectNode command) {
        if (closed) {
            throw new OracleException(engine.id(), "oracle already closed", null, stderr(), null);
        }
        long mySeq = ++seq;
        ObjectNode cmd = command.deepCopy().put("seq", mySeq);
        try {
            stdin.write(MAPPER.writeValueAsString(cmd));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw died("cannot send " + command.path("cmd").asString(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Object line;
            try {
                line = replies.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OracleException(engine.id(), "interrupted waiting for a reply", null, stderr(), e);
            }
            if (line == null) {
                // The reply stream is out of step now: a wedged engine is a dead one.
                process.destroyForcibly();
                closed = true;
                throw new OracleException(engine.id(), "no reply to " + command.path("cmd").asString() + " within " + timeout
                        + "; process killed", null, stderr(), null);
            }
            if (line == EOF) {
                throw died("process ended while waiting for " + command.path("cmd").asString(), null);
            }
            JsonNode reply = MAPPER.readTree((String) line);
            if (reply.path("seq").asLong(-1) != mySeq) {
                continue; // a stale reply to a command whose caller gave up; cannot happen after a timeout kill
            }
            if (reply.has("error")) {
                throw new OracleException(engine.id(), command.path("cmd").asString() + " failed",
                        reply.path("error").asString(), stderr(), null);
            }
            return reply;
        }
    }

    /** The last lines Node wrote to stderr. */
    public String stderr() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    @Override
    public void close() {
        if (closed && !process.isAlive()) {
            return;
        }
        closed = true;
        try {
            stdin.close(); // oracle.mjs exits when stdin ends
        } catch (IOException ignored) {
            // already gone: nothing left to close
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

    private OracleException died(String message, Throwable cause) {
        closed = true;
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String exit = process.isAlive() ? "still running" : "exit code " + process.exitValue();
        return new OracleException(engine.id(), message + " (" + exit + ")", null, stderr(), cause);
    }

    private void pumpStdout(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                replies.add(line);
            }
        } catch (IOException ignored) {
            // the process went away; EOF below tells the waiting caller
        } finally {
            replies.add(EOF);
        }
    }

    private void pumpStderr(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    while (stderrTail.size() > STDERR_TAIL_LINES) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the process went away; stdout's EOF reports it
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static Path jsDir(Engine engine) {
        String configured = System.getProperty(JS_DIR_PROPERTY);
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured))
                : List.of(Path.of("src/test/js"), Path.of("crdt/src/test/js"));
        for (Path dir : candidates) {
            if (Files.isRegularFile(dir.resolve("oracle.mjs"))) {
                if (!Files.isDirectory(dir.resolve("node_modules/yjs"))) {
                    throw new OracleException(engine.id(), "no node_modules in " + dir.toAbsolutePath()
                            + ": run 'npm ci' there (mvn -pl crdt generate-test-resources does it)", null, null, null);
                }
                return dir.toAbsolutePath();
            }
        }
        throw new OracleException(engine.id(), "oracle.mjs not found in " + candidates + " from "
                + Path.of("").toAbsolutePath() + "; set -D" + JS_DIR_PROPERTY, null, null, null);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private byte[] bytes(JsonNode reply, String field) {
        JsonNode v = reply.path(field);
        return v.isNull() || v.isMissingNode() ? null : Base64.getDecoder().decode(v.asString());
    }
}
