package eu.vetnet.gateway.websocket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The browser-side sockets this gateway proxies, by the login session they were opened in. */
public final class ProxiedSockets {

    /** Hocuspocus's "unauthorized" close code: the client must sign in again rather than reconnect at once. */
    public static final CloseStatus SIGNED_OUT = new CloseStatus(4401, "signed out");

    private final Map<String, Set<WebSocketSession>> bySession = new ConcurrentHashMap<>();

    void add(String sessionId, WebSocketSession socket) {
        bySession.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void remove(String sessionId, WebSocketSession socket) {
        bySession.computeIfPresent(sessionId, (k, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    /** Closes every socket of the session with {@code status}; completes when all closes were sent. */
    public Mono<Void> closeAll(String sessionId, CloseStatus status) {
        Set<WebSocketSession> sockets = bySession.remove(sessionId);
        if (sockets == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(sockets).flatMap(s -> s.close(status).onErrorComplete()).then();
    }

    /** The sessions that have sockets open here now (a snapshot). */
    public Set<String> sessionIds() {
        return Set.copyOf(bySession.keySet());
    }
}
