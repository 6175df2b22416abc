package eu.vetnet.rooms.web;

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
        // These tests are about the protocols and permissions: documents live in the in-memory storage.
        "vetnet.history.store=memory"})
abstract class RoomsIntegrationTestSupport {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("vetnet.rooms.auth.issuer-uri", () -> TestIssuer.ISSUER);
        registry.add("vetnet.rooms.auth.jwk-set-uri", TestIssuer.INSTANCE::jwkSetUri);
    }

    @LocalServerPort
    int port;

    @Autowired
    RoomStore rooms;

    @Autowired
    RoomServer server;

    final TestIssuer issuer = TestIssuer.INSTANCE;

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
