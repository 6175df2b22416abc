package eu.vetnet.bench.servers;

import eu.vetnet.crdt.encoding.JsJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our room server, run as it is deployed: the exec jar with the launcher's JVM options, history in Cassandra
 * and presence in Redis (both started by bench/rooms-load.sh), tokens checked against a JWKS. The bench users
 * are the rooms' participants, so every update goes through the per-type permission check.
 */
public final class VetnetTarget implements Target {

    private final Path jar;
    private final int port;
    private final String history;
    private final String javaOptions;
    private final TokenIssuer issuer;
    private final Path logs;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String admin;
    private ServerProcess process;

    public VetnetTarget(Path jar, int port, String history, String javaOptions, TokenIssuer issuer, Path logs) {
        this.jar = jar;
        this.port = port;
        this.history = history;
        this.javaOptions = javaOptions;
        this.issuer = issuer;
        this.logs = logs;
        this.admin = issuer.token("bench-facilitator", "facilitator");
    }

    @Override
    public String name() {
        return "vetnet";
    }

    @Override
    public void start() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaOptions.trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--vetnet.rooms.auth.jwk-set-uri=" + issuer.jwksUri(),
                "--vetnet.rooms.auth.issuer-uri=" + TokenIssuer.ISSUER,
                // The load runs model hundreds of people with a few identities: no per-person socket cap here.
                "--vetnet.rooms.limits.max-sockets-per-user=1000000",
                "--vetnet.history.store=" + history,
                "--logging.level.root=WARN"));
        long started = System.nanoTime();
        process = ServerProcess.start(name(), command, jar.getParent(), logs.resolve("vetnet-rooms.log"), Map.of());
        process.awaitReady("http://127.0.0.1:" + port + "/actuator/health", Duration.ofSeconds(90));
        // A Redis the bench just started grants no room lease until one lease TTL (10 s) after a room server first
        // saw it (docs/history-and-presence.md, "Lease protocol"): the first joins would be refused until then.
        long leasable = started + Duration.ofSeconds(11).toNanos();
        while (System.nanoTime() < leasable) {
            Thread.sleep(100);
        }
    }

    @Override
    public ServerProcess process() {
        return process;
    }

    @Override
    public String prepareRoom(String label, int writers) throws IOException, InterruptedException {
        List<Object> participants = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            participants.add(user(i));
        }
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("participants", participants);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "bench " + label);
        body.put("kind", "WORKSHOP");
        body.put("access", access);
        body.put("documents", List.of("paper"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rooms"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsJson.stringify(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        // Health answers before the history store is connected: a first room may be refused for a few seconds.
        for (int attempt = 0; response.statusCode() >= 500 && attempt < 60; attempt++) {
            Thread.sleep(1000);
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IOException("creating a room answered " + response.statusCode() + ": " + response.body());
        }
        return String.valueOf(((Map<?, ?>) JsJson.parse(response.body())).get("id"));
    }

    @Override
    public URI socketUri(String room) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/rooms/" + room);
    }

    @Override
    public String documentName(String room, String doc) {
        return doc;
    }

    @Override
    public String token(int user) {
        return issuer.token(user(user), "participant");
    }

    /** The room's owner (the facilitator who created it): writes every document, e.g. the B4 paper. */
    @Override
    public String ownerToken() {
        return admin;
    }

    private static String user(int i) {
        return "bench-user-" + i;
    }

    @Override
    public void collectGarbage() throws IOException, InterruptedException {
        jcmd("GC.run");
    }

    /** The "used" of the heap as jcmd GC.heap_info prints it ("garbage-first heap total 98304K, used 41234K"). */
    @Override
    public long liveHeapBytes() throws IOException, InterruptedException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("heap\\s+total \\d+K, used (\\d+)K").matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }

    /** The class histogram of the live heap (jcmd GC.class_histogram), for finding what a connection costs. */
    public String classHistogram() throws IOException, InterruptedException {
        return jcmd("GC.class_histogram");
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }
}
