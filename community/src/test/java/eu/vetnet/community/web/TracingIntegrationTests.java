package eu.vetnet.community.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.community.search.LibraryIndexer;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.OtlpCollector;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A trace from the gateway into Cassandra (docs/operations.md, "Traces and logs"): a request to the community server
 * that arrives with a W3C trace context is exported over OTLP in that trace with its Cassandra requests as spans, and
 * the JSON log line it writes (on a Cassandra driver thread) carries the trace id. Its own context: tracing exported,
 * every trace kept, logs as ECS JSON.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vetnet.cassandra.keyspace=vetnet_community_it",
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=200ms",
        "logging.structured.format.console=ecs"})
class TracingIntegrationTests {

    private static final OtlpCollector COLLECTOR;

    static {
        try {
            COLLECTOR = new OtlpCollector();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        var cassandra = LocalServices.ensureRunning(Service.CASSANDRA);
        registry.add("vetnet.cassandra.contact-points", () -> cassandra.host() + ":" + cassandra.port());
        registry.add("vetnet.community.issuer-uri", () -> TestIssuer.ISSUER);
        registry.add("vetnet.community.jwk-set-uri", TestIssuer.INSTANCE::jwkSetUri);
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", COLLECTOR::endpoint);
    }

    @AfterAll
    static void stop() {
        COLLECTOR.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    LibraryIndexer indexer;

    @Test
    void aTracedRequestExportsItsCassandraSpansAndLogsItsTraceId(CapturedOutput output) throws Exception {
        indexer.whenBuilt().get(120, TimeUnit.SECONDS);
        byte[] traceId = new byte[16];
        ThreadLocalRandom.current().nextBytes(traceId);
        String trace = HexFormat.of().formatHex(traceId);
        String marker = "t" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> practice = Map.ofEntries(Map.entry("title", "Traced practice " + marker),
                Map.entry("summary", "A practice whose creation is traced."), Map.entry("problem", "None."),
                Map.entry("approach", "Trace it."), Map.entry("results", "A trace"), Map.entry("evidence", "The spans"),
                Map.entry("sector", "C16"), Map.entry("eqfLevel", 4), Map.entry("country", "IT"), Map.entry("region", "ITH3"),
                Map.entry("language", "en"), Map.entry("organisation", "Artigiani Veneti"),
                Map.entry("organisationType", "SME_ASSOCIATION"), Map.entry("links", List.of()));

        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/api/community/practices")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestIssuer.INSTANCE.token("nadia", "participant"))
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(practice)
                .exchange().expectStatus().isCreated();

        assertTrue(COLLECTOR.await(traceId, 20_000), "no span of the request's trace was exported");
        byte[] cassandraSpan = "cassandra INSERT".getBytes(StandardCharsets.UTF_8);
        assertTrue(COLLECTOR.await(cassandraSpan, 10_000), "no Cassandra span was exported:\n"
                + new String(COLLECTOR.received(), StandardCharsets.ISO_8859_1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!output.getAll().lines().anyMatch(l -> l.contains(marker) && l.contains(trace)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String line = output.getAll().lines().filter(l -> l.contains(marker)).findFirst().orElse("(no line)");
        assertTrue(line.startsWith("{") && line.contains("\"traceId\":\"" + trace + "\""),
                "the log line of the practice's creation carries its trace id: " + line);
    }
}
