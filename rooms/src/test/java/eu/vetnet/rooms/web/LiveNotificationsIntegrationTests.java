package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.redis.RedisKeys;
import io.lettuce.core.RedisClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A notification the community server publishes in Redis reaches the person's open app over the live stream
 * (docs/community.md, "Notifications"), and nobody else's. In the shared test context (presence in-process): live
 * notifications go through Redis whatever the presence store. (A context of its own would pause the shared one, whose
 * room server does not survive a pause.)
 */
class LiveNotificationsIntegrationTests extends RoomsIntegrationTestSupport {

    @Autowired
    RedisKeys keys;

    @Value("${spring.data.redis.host}")
    String redisHost;

    @Value("${spring.data.redis.port}")
    int redisPort;

    @Test
    void aNotificationForAlicePublishedInRedisReachesHerStreamAndNotBobs() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ConcurrentLinkedQueue<String> alices = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> bobs = new ConcurrentLinkedQueue<>();
        CompletableFuture<?> aliceStream = listen("alice", alices);
        CompletableFuture<?> bobStream = listen("bob", bobs);
        RedisClient client = RedisClient.create("redis://" + redisHost + ":" + redisPort);
        try (var redis = client.connect()) {
            // The server subscribes to the channel when the first stream opens: publish until it listens.
            long deadline = System.currentTimeMillis() + 20_000;
            int sent = 0;
            while (alices.stream().noneMatch(l -> l.contains("reply " + run)) && System.currentTimeMillis() < deadline) {
                redis.sync().publish(keys.notificationChannel(), """
                        {"person": "alice-id", "notification": {"id": "n%d", "kind": "REPLY", "text": "Bruno replied %d: reply %s", "link": "/communities/x"}}"""
                        .formatted(sent, sent, run));
                redis.sync().publish(keys.notificationChannel(), """
                        {"person": "alice-id", "notification": """); // does not parse: ignored, the stream goes on
                sent++;
                Thread.sleep(250);
            }
            assertTrue(alices.stream().anyMatch(l -> l.contains("reply " + run)), () -> "alice's stream: " + alices);
            assertTrue(alices.stream().anyMatch(l -> l.startsWith("event:notification")), () -> "alice's stream: " + alices);
            // Bob's stream carries presence, never alice's notifications.
            assertTrue(bobs.stream().anyMatch(l -> l.startsWith("event:presence")), () -> "bob's stream: " + bobs);
            assertFalse(bobs.stream().anyMatch(l -> l.contains(run)), () -> "bob's stream: " + bobs);
        } finally {
            client.shutdown();
            aliceStream.cancel(true);
            bobStream.cancel(true);
        }
    }

    /** Opens the live stream as {@code user} and keeps every line it sends. */
    private CompletableFuture<?> listen(String user, ConcurrentLinkedQueue<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(httpUrl() + "/api/presence/stream"))
                .header("Authorization", "Bearer " + issuer.token(user, "participant"))
                .header("Accept", "text/event-stream").build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    }
                });
    }
}
