package eu.vetnet.community.web;

import eu.vetnet.community.search.LibraryIndexer;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.TestIssuer;
import eu.vetnet.testkit.TestMailServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real community server on a random port, storing in the launcher's real Cassandra (its own keyspace) and trusting
 * {@link TestIssuer}. Every integration test class shares this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vetnet.cassandra.keyspace=vetnet_community_it",
        "vetnet.community.public-url=https://vetnet.example",
        // RateLimitIntegrationTests writes past this with a person of its own.
        "vetnet.community.writes-per-minute=40",
        // CounsellingIntegrationTests waits for a digest.
        "vetnet.community.digest-every=2s",
        // AccountDeletionIntegrationTests outlives it: after it, a deletion claims a new pseudonym.
        "vetnet.community.pseudonym-kept-for=10s"})
abstract class CommunityIntegrationTestSupport {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        var cassandra = LocalServices.ensureRunning(Service.CASSANDRA);
        registry.add("vetnet.cassandra.contact-points", () -> cassandra.host() + ":" + cassandra.port());
        // Live notifications are published in a real Redis (CommunitiesIntegrationTests listens).
        var redis = LocalServices.ensureRunning(Service.REDIS);
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        registry.add("vetnet.community.issuer-uri", () -> TestIssuer.ISSUER);
        registry.add("vetnet.community.jwk-set-uri", TestIssuer.INSTANCE::jwkSetUri);
        // Invitations go to a real SMTP server the tests read (CounsellingIntegrationTests).
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
    }

    @LocalServerPort
    int port;

    @Autowired
    LibraryIndexer indexer;

    @Autowired
    eu.vetnet.community.people.People people;

    final TestIssuer issuer = TestIssuer.INSTANCE;
    WebTestClient http;

    @BeforeEach
    void ready() throws Exception {
        // The index is built from Cassandra once it is reachable; the health endpoint says UP only then.
        indexer.whenBuilt().get(120, TimeUnit.SECONDS);
        people.whenLoaded().get(120, TimeUnit.SECONDS);
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A member's bearer header: participant unless roles are given. */
    String bearer(String username, String... roles) {
        return "Bearer " + issuer.token(username, roles.length == 0 ? new String[] {"participant"} : roles);
    }

    WebTestClient.RequestHeadersSpec<?> as(String username, WebTestClient.RequestHeadersSpec<?> request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(username));
    }
}
