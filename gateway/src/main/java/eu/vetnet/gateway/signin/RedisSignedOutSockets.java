package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.redis.GatewayRedis;
import eu.vetnet.gateway.websocket.ProxiedSockets;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Sign-outs shared by every gateway over one Redis pub/sub channel. Each gateway subscribes at start; a gateway
 * that ends a sign-in closes its own sockets of that session at once and publishes the session id, and every
 * gateway (itself too, harmlessly) closes the sockets it holds for it.
 *
 * <p>Pub/sub delivers only to gateways connected at that moment. One that misses a message (Redis restarting, a
 * network blip) still closes those sockets at its next sweep ({@link EndedSessionSocketSweeper}), because the
 * ended session is gone from Redis by then.
 */
final class RedisSignedOutSockets implements SignedOutSockets, AutoCloseable {

    static final String CHANNEL = "vetnet:gateway:signed-out";
    private static final Logger log = LoggerFactory.getLogger(RedisSignedOutSockets.class);

    private final GatewayRedis redis;
    private final ProxiedSockets sockets;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final Disposable listening;

    RedisSignedOutSockets(GatewayRedis redis, ProxiedSockets sockets) {
        this.redis = redis;
        this.sockets = sockets;
        this.subscription = redis.connectPubSub();
        this.listening = subscription.reactive().observeChannels()
                .filter(message -> CHANNEL.equals(message.getChannel()))
                .flatMap(message -> sockets.closeAll(message.getMessage(), ProxiedSockets.SIGNED_OUT))
                .subscribe(null, e -> log.error("stopped listening for sign-outs on {}", CHANNEL, e));
        // Subscribed before the gateway serves anything: a sign-out published once we are up reaches us.
        subscription.reactive().subscribe(CHANNEL).block(Duration.ofSeconds(10));
    }

    @Override
    public Mono<Void> closeEverywhere(String sessionId) {
        return sockets.closeAll(sessionId, ProxiedSockets.SIGNED_OUT)
                .then(redis.strings().publish(CHANNEL, sessionId))
                .onErrorResume(e -> {
                    // The session is gone from Redis all the same: the other gateways' sweeps close its sockets.
                    log.warn("could not publish a sign-out to the other gateways: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void close() {
        listening.dispose();
        subscription.close();
    }
}
