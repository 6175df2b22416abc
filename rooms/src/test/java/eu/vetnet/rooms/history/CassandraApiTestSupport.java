package eu.vetnet.rooms.history;

import eu.vetnet.rooms.history.process.TokenIssuer;
import eu.vetnet.rooms.room.RoomStore;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Cassandra-backed room server in this JVM on a random port, trusting one {@link TokenIssuer}: the REST tests of
 * what it stores (replay, people, requests, images) share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vetnet.history.store=cassandra",
        "vetnet.cassandra.keyspace=vetnet_api_test",
        "vetnet.cassandra.consistency=ONE",
        "vetnet.rooms.limits.unload-grace=1s",
        // Tests sweep for automatic dossiers themselves (AutomaticDossiersIntegrationTests), at the moments they choose.
        "vetnet.dossier.sweep-every=PT1H"})
abstract class CassandraApiTestSupport {

    /** One for every class of the shared context; closed when the JVM ends, after the context. */
    static TokenIssuer issuer;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws Exception {
        ServiceAddress cassandra = LocalServices.ensureRunning(Service.CASSANDRA);
        synchronized (CassandraApiTestSupport.class) {
            if (issuer == null) {
                TokenIssuer created = new TokenIssuer();
                Runtime.getRuntime().addShutdownHook(new Thread(created::close));
                issuer = created;
            }
        }
        registry.add("vetnet.cassandra.contact-points", () -> cassandra.host() + ":" + cassandra.port());
        registry.add("vetnet.rooms.auth.issuer-uri", () -> TokenIssuer.ISSUER);
        registry.add("vetnet.rooms.auth.jwk-set-uri", issuer::jwkSetUri);
    }

    @LocalServerPort
    int port;

    @Autowired
    HistoryDatabase database;

    @Autowired
    RoomStore rooms;
}
