package eu.vetnet.rooms.web;

import eu.vetnet.testkit.TestMailServer;
import eu.vetnet.testkit.TestIssuer;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.rooms.core.Room;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.room.AccessList;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A real room server on a random port, trusting {@link TestIssuer}; every integration test class shares the context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vetnet.rooms.limits.authentication-timeout=2s",
        "vetnet.rooms.limits.unload-grace=1s",
        // FirstFrameIntegrationTests opens 300 sockets as one person; the cap itself is tested in the core.
        "vetnet.rooms.limits.max-sockets-per-user=1000",
        // The flood test measures backpressure from the lane, not the byte rate (that is tested in the core).
        "vetnet.rooms.limits.inbound-bytes-per-second=1073741824",
        "vetnet.rooms.allowed-origins=http://localhost:8080",
        // Short enough to see a person's anonymous questions come back within the test (AnonymousQuestionsIntegrationTests).
        "vetnet.rooms.anonymous-questions.window=3s",
        // These tests are about the protocols and permissions: documents live in the in-memory storage.
        "vetnet.history.store=memory"})
abstract class RoomsIntegrationTestSupport {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("vetnet.rooms.auth.issuer-uri", () -> TestIssuer.ISSUER);
        registry.add("vetnet.rooms.auth.jwk-set-uri", TestIssuer.INSTANCE::jwkSetUri);
        // Follow-up mail goes to a real SMTP server the tests read (FollowUpIntegrationTests).
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
    }

    @LocalServerPort
    int port;

    @Autowired
    RoomStore rooms;

    @Autowired
    RoomServer server;

    final TestIssuer issuer = TestIssuer.INSTANCE;

    private static volatile boolean keysFetched;

    /**
     * Once per test JVM: an authenticated REST call until it succeeds, so the server holds the issuer's keys before a
     * test's first socket. Fetching them cold, on a loaded machine, can outlast a socket's 2 s authentication deadline;
     * no test here is about that.
     */
    @org.junit.jupiter.api.BeforeEach
    void serverHoldsTheIssuersKeys() throws Exception {
        if (keysFetched) {
            return;
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            int status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(httpUrl() + "/api/rooms"))
                    .header("Authorization", "Bearer " + issuer.token("warmup", "participant")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                keysFetched = true;
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the room server never accepted a token of the test issuer: " + status);
            }
            Thread.sleep(200);
        }
    }

    // HTTP/1.1 on kept-alive connections, as a browser speaks to a plain-HTTP origin (KeepAliveIntegrationTests).
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    /** A REST call to this room server, as {@code token}'s bearer (anonymous when null), with a JSON body or none. */
    java.net.http.HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(httpUrl() + path))
                .timeout(java.time.Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    String wsUrl() {
        return "ws://127.0.0.1:" + port;
    }

    String httpUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A fresh room: fabio facilitates, alice and bob participate, paula observes; extra documents as given. */
    String room(RoomKind kind, List<String> extraDocuments, List<String> readOnlyDocuments) {
        String id = "r-" + UUID.randomUUID();
        List<String> docs = new ArrayList<>(RoomRecord.DEFAULT_DOCUMENTS);
        docs.addAll(extraDocuments);
        rooms.save(new RoomRecord(id, "test room", kind,
                new AccessList("fabio", List.of(), List.of("alice", "bob", "mallory"), List.of("paula")),
                docs, readOnlyDocuments, false, Instant.now())).toCompletableFuture().join();
        return id;
    }

    String room() {
        return room(RoomKind.WORKSHOP, List.of("scratch", "handout"), List.of("handout"));
    }

    /** Reads the server's copy of a document on its room's lane; null when the room or document is not open. */
    <T> T serverDoc(String roomId, String document, Function<YDoc, T> read) {
        Room room = server.openRoom(roomId);
        if (room == null) {
            return null;
        }
        return room.inspect(docs -> docs.containsKey(document) ? read.apply(docs.get(document)) : null).join();
    }

    String fabio() {
        return issuer.token("fabio", "facilitator");
    }

    String alice() {
        return issuer.token("alice", "participant");
    }

    String bob() {
        return issuer.token("bob", "participant");
    }

    String paula() {
        return issuer.token("paula", "policymaker");
    }
}
