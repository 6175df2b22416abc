package eu.vetnet.rooms.history.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.OtlpCollector;
import eu.vetnet.testkit.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Traces and structured logs of the room server as deployed (docs/operations.md, "Traces and logs"): a request that
 * arrives with a W3C trace context (as a gateway forwards it) is exported over OTLP in that trace, and the server logs
 * JSON lines. (Cassandra spans and trace ids in log lines are the other servers': the room server does not put the
 * trace back on every thread, for its update path's sake; the community server's TracingIntegrationTests.)
 */
class TracingProcessIntegrationTests {

    @Test
    void aRequestWithATraceContextIsExportedInThatTraceAndLogsAreJson() throws Exception {
        LocalServices.ensureRunning(Service.CASSANDRA);
        LocalServices.ensureRunning(Service.REDIS);
        try (TokenIssuer issuer = new TokenIssuer(); OtlpCollector collector = new OtlpCollector()) {
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

                assertTrue(collector.await(traceId, 20_000), "no span of the request's trace was exported:\n"
                        + new String(collector.received(), StandardCharsets.ISO_8859_1));
                assertTrue(collector.received("vetnet-rooms"), "the spans name their service");
                assertTrue(server.log().lines().anyMatch(l -> l.startsWith("{\"@timestamp\"") && l.contains("agreed to the listing")),
                        "the request's log line is not a JSON object:\n" + server.tail());
            } finally {
                server.close();
            }
        }
    }
}
