package eu.vetnet.rooms.history.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Traces and structured logs of the room server as deployed (docs/operations.md, "Traces and logs"): a request that
 * arrives with a W3C trace context (as a gateway forwards it) is exported over OTLP, with the Cassandra requests it
 * made as child spans, and the JSON log lines written while serving it carry its trace id.
 */
class TracingProcessIntegrationTests {

    /** A stand-in OpenTelemetry collector: keeps every OTLP/HTTP body it receives (protobuf, read as bytes). */
    private static final class Collector implements AutoCloseable {
        final List<byte[]> bodies = new CopyOnWriteArrayList<>();
        final HttpServer server;

        Collector() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                bodies.add(exchange.getRequestBody().readAllBytes());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
        }

        /** Everything received, as one byte string (span names are plain UTF-8 inside the protobuf). */
        byte[] all() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            bodies.forEach(out::writeBytes);
            return out.toByteArray();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void aRequestWithATraceContextIsExportedWithItsCassandraSpansAndLogsItsTraceId() throws Exception {
        LocalServices.ensureRunning(Service.CASSANDRA);
        LocalServices.ensureRunning(Service.REDIS);
        try (TokenIssuer issuer = new TokenIssuer(); Collector collector = new Collector()) {
            RoomServerProcess server = RoomServerProcess.start("trace-a", issuer, "vetnet_process_test",
                    "vetnet-trace-" + UUID.randomUUID().toString().substring(0, 8),
                    "--management.tracing.sampling.probability=1.0",
                    "--management.opentelemetry.tracing.export.otlp.endpoint=" + collector.endpoint(),
                    "--management.opentelemetry.tracing.export.schedule-delay=200ms",
                    "--logging.structured.format.console=ecs");
            try {
                String token = issuer.token("fabio", "facilitator");
                String room = server.createRoom(token, "{\"title\":\"traced\",\"kind\":\"WORKSHOP\",\"access\":{\"participants\":[\"alice\"]}}");

                byte[] traceId = new byte[16];
                byte[] parentId = new byte[8];
                ThreadLocalRandom.current().nextBytes(traceId);
                ThreadLocalRandom.current().nextBytes(parentId);
                String trace = HexFormat.of().formatHex(traceId);
                // A request that reads the room, writes to Cassandra and logs what it did.
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(server.http() + "/api/rooms/" + room + "/attendance/consent"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("traceparent", "00-" + trace + "-" + HexFormat.of().formatHex(parentId) + "-01")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"consented\":true}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());

                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!(contains(collector.all(), traceId) && contains(collector.all(), "cassandra SELECT".getBytes(StandardCharsets.UTF_8)))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                byte[] exported = collector.all();
                assertTrue(contains(exported, traceId), "no span of the request's trace was exported");
                assertTrue(contains(exported, "cassandra SELECT".getBytes(StandardCharsets.UTF_8)),
                        "no Cassandra span was exported:\n" + new String(exported, StandardCharsets.ISO_8859_1));
                String log = server.log();
                assertTrue(log.lines().anyMatch(l -> l.startsWith("{") && l.contains(trace)),
                        "no JSON log line carries trace " + trace + ":\n" + server.tail());
            } finally {
                server.close();
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
