package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.websocket.ProxiedSockets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes with 4401 the proxied sockets whose session has ended without a sign-out this gateway saw: mostly an idle
 * timeout (a socket's frames do not touch the session, so a workshop tab that only edits for longer than the idle
 * timeout is signed out), or a sign-out message missed while Redis was away.
 *
 * <p>Cheap on purpose: one existence check per session that has sockets here, every
 * {@code vetnet.gateway.session.socket-sweep-interval}; nothing per frame, nothing per idle session.
 */
final class EndedSessionSocketSweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EndedSessionSocketSweeper.class);
    /** Existence checks in flight at once (Redis pipelines them on one connection). */
    private static final int CONCURRENCY = 32;

    private final ProxiedSockets sockets;
    private final LiveSessions sessions;
    private final Disposable sweeping;

    EndedSessionSocketSweeper(ProxiedSockets sockets, LiveSessions sessions, Duration interval) {
        this.sockets = sockets;
        this.sessions = sessions;
        this.sweeping = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> sweep().onErrorResume(e -> {
                    log.warn("socket sweep failed, trying again in {}: {}", interval, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    /** One pass; completes with how many sessions' sockets were closed. */
    Mono<Long> sweep() {
        return Flux.fromIterable(sockets.sessionIds())
                .filter(id -> !id.isEmpty())
                .flatMap(id -> sessions.exists(id)
                        .filter(exists -> !exists)
                        .flatMap(gone -> sockets.closeAll(id, ProxiedSockets.SIGNED_OUT).thenReturn(id)), CONCURRENCY)
                .count();
    }

    @Override
    public void close() {
        sweeping.dispose();
    }
}
