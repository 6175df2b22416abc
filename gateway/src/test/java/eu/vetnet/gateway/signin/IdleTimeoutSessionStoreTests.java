package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

class IdleTimeoutSessionStoreTests {

    /** A store whose every stored session is unreadable, or whose backend is down. */
    private static final class FailingStore implements WebSessionStore {
        final List<String> removed = new ArrayList<>();
        final RuntimeException failure;

        FailingStore(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Mono<WebSession> createWebSession() {
            return Mono.error(failure);
        }

        @Override
        public Mono<WebSession> retrieveSession(String id) {
            return Mono.error(failure);
        }

        @Override
        public Mono<Void> removeSession(String id) {
            return Mono.fromRunnable(() -> removed.add(id));
        }

        @Override
        public Mono<WebSession> updateLastAccessTime(WebSession webSession) {
            return Mono.just(webSession);
        }
    }

    @Test
    void newSessionsGetTheShortLifeOfAPendingSignIn() {
        IdleTimeoutSessionStore store = new IdleTimeoutSessionStore(new InMemoryWebSessionStore(), Duration.ofMinutes(10));
        assertEquals(Duration.ofMinutes(10), store.createWebSession().block().getMaxIdleTime());
    }

    @Test
    void aSessionThatCannotBeDeserializedIsRemovedAndCountsAsSignedOut() {
        FailingStore unreadable = new FailingStore(new SerializationException("class changed"));
        IdleTimeoutSessionStore store = new IdleTimeoutSessionStore(unreadable, Duration.ofHours(12));

        assertNull(store.retrieveSession("old-session").block());
        assertEquals(List.of("old-session"), unreadable.removed);
    }

    @Test
    void anUnreachableStoreIsAnErrorNotASignOut() {
        FailingStore down = new FailingStore(new RedisConnectionFailureException("Redis down"));
        IdleTimeoutSessionStore store = new IdleTimeoutSessionStore(down, Duration.ofHours(12));

        assertThrows(RedisConnectionFailureException.class, () -> store.retrieveSession("live-session").block());
        assertEquals(List.of(), down.removed, "a session must not be deleted because Redis did not answer");
    }
}
