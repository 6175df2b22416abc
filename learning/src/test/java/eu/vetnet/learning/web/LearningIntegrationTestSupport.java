package eu.vetnet.learning.web;

import eu.vetnet.storage.BackgroundSession;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.TestIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real learning server on a random port, storing in the launcher's real Cassandra (its own keyspace) and trusting
 * {@link TestIssuer}. Every integration test class shares this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vetnet.cassandra.keyspace=vetnet_learning_it",
        "vetnet.learning.public-url=https://vetnet.example"})
abstract class LearningIntegrationTestSupport {

    /**
     * This run's mark, for names that must be new (an issuing organisation, an invited username): the keyspace outlives
     * a run, and what one run left there must not answer for the next.
     */
    static final String RUN = Long.toString(System.nanoTime(), 36);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        var cassandra = LocalServices.ensureRunning(Service.CASSANDRA);
        registry.add("vetnet.cassandra.contact-points", () -> cassandra.host() + ":" + cassandra.port());
        registry.add("vetnet.learning.issuer-uri", () -> TestIssuer.ISSUER);
        registry.add("vetnet.learning.jwk-set-uri", TestIssuer.INSTANCE::jwkSetUri);
        // Live sessions' attendance is read from a room server's replay API: here a stand-in (AttendanceIntegrationTests).
        registry.add("vetnet.learning.rooms-uri", RoomsStandIn.INSTANCE::uri);
    }

    @LocalServerPort
    int port;

    @Autowired
    BackgroundSession db;

    WebTestClient http;

    @BeforeEach
    void ready() throws Exception {
        db.whenReady().get(120, TimeUnit.SECONDS);
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A bearer header for {@code username} in {@code organisation} (null: none) with these realm roles. */
    static String bearer(String username, String organisation, String... roles) {
        Map<String, Object> claims = organisation == null ? Map.of() : Map.of("groups", List.of("/organisations/" + organisation));
        return "Bearer " + TestIssuer.INSTANCE.token(username, Duration.ofMinutes(10), claims, roles);
    }

    static String learner(String username) {
        return bearer(username, null, "participant");
    }
}
