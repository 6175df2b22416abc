package eu.vetnet.rooms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The room server's own Redis wiring (Boot's Lettuce auto-configuration) against the launcher's real Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RedisIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        ServiceAddress redis = LocalServices.ensureRunning(Service.REDIS);
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
    }

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void valueSetWithTtlReadsBackAndCarriesThatTtl() {
        String key = "vetnet:test:presence:" + UUID.randomUUID();

        StepVerifier.create(redis.opsForValue().set(key, "alice@room-1", Duration.ofSeconds(30)))
                .expectNext(true).verifyComplete();
        StepVerifier.create(redis.opsForValue().get(key))
                .expectNext("alice@room-1").verifyComplete();
        StepVerifier.create(redis.getExpire(key))
                .assertNext(ttl -> assertTrue(!ttl.isNegative() && ttl.compareTo(Duration.ofSeconds(30)) <= 0 && ttl.getSeconds() > 0,
                        "TTL should be set and at most 30 s, was " + ttl))
                .verifyComplete();
    }

    @Test
    void keyVanishesOnceItsTtlLapses() {
        String key = "vetnet:test:heartbeat:" + UUID.randomUUID();
        StepVerifier.create(redis.opsForValue().set(key, "fabio", Duration.ofMillis(300)))
                .expectNext(true).verifyComplete();

        // Poll until Redis itself expires the key: presence relies on this to drop ghosts.
        Mono<Boolean> gone = redis.hasKey(key).filter(exists -> !exists)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(100)));
        StepVerifier.create(gone).expectNext(false).expectComplete().verify(WAIT);
        StepVerifier.create(redis.opsForValue().get(key)).verifyComplete();
    }

    @Test
    void missingKeyReadsAsEmpty() {
        StepVerifier.create(redis.opsForValue().get("vetnet:test:absent:" + UUID.randomUUID())).verifyComplete();
    }
}
