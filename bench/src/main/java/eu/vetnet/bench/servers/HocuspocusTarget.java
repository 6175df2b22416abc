package eu.vetnet.bench.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The reference: {@code @hocuspocus/server} from bench/hocuspocus (pinned with its lock), on the Node that
 * bench/rooms-load.sh provides, with no extension: it accepts every token and keeps documents in memory.
 */
public final class HocuspocusTarget implements Target {

    private final Path node;
    private final Path script;
    private final int port;
    private final Path logs;
    private ServerProcess process;

    public HocuspocusTarget(Path node, Path script, int port, Path logs) {
        this.node = node;
        this.script = script;
        this.port = port;
        this.logs = logs;
    }

    @Override
    public String name() {
        return "hocuspocus";
    }

    @Override
    public void start() throws Exception {
        process = ServerProcess.start(name(), List.of(node.toString(), "--expose-gc", script.toString()),
                script.getParent(), logs.resolve("hocuspocus.log"), Map.of("PORT", String.valueOf(port)));
        process.awaitReady("http://127.0.0.1:" + port + "/", Duration.ofSeconds(30));
    }

    @Override
    public ServerProcess process() {
        return process;
    }

    @Override
    public String prepareRoom(String label, int writers) {
        return label;
    }

    @Override
    public URI socketUri(String room) {
        return URI.create("ws://127.0.0.1:" + port + "/");
    }

    @Override
    public String documentName(String room, String doc) {
        return room + "/" + doc;
    }

    @Override
    public String token(int user) {
        return "bench-user-" + user;
    }

    @Override
    public String ownerToken() {
        return "bench-owner";
    }

    @Override
    public void collectGarbage() throws IOException {
        // server.mjs runs global.gc() on SIGUSR2 (node --expose-gc)
        new ProcessBuilder("kill", "-USR2", String.valueOf(process.pid())).start();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }
}
