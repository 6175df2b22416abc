package eu.vetnet.gateway.redis;

import eu.vetnet.gateway.GatewayException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.net.URI;

/**
 * The Redis that several gateways share (sessions, rate-limit buckets, the OIDC session links, the signed-out
 * channel). One set of Lettuce threads for all of it; commands from every caller are pipelined on one connection
 * per value type, which is how Lettuce is meant to be used (a connection is thread-safe).
 *
 * <p>Connects at construction: a gateway told to keep sessions in Redis cannot sign anyone in without it, so it
 * refuses to start rather than report healthy and fail every login.
 */
public final class GatewayRedis implements AutoCloseable {

    private final URI uri;
    private final ClientResources resources = DefaultClientResources.create();
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> strings;
    private final StatefulRedisConnection<String, byte[]> bytes;

    public GatewayRedis(URI uri) {
        this.uri = uri;
        this.client = RedisClient.create(resources, RedisURI.create(uri));
        try {
            this.strings = client.connect();
            this.bytes = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        } catch (RuntimeException e) {
            close();
            throw new GatewayException("cannot reach Redis at " + uri + " (vetnet.gateway.session.store=redis, "
                    + "VETNET_REDIS_HOST/VETNET_REDIS_PORT): " + e.getMessage(), e);
        }
    }

    public URI uri() {
        return uri;
    }

    /** The Lettuce threads, for Spring Session's connection factory to share. */
    public ClientResources resources() {
        return resources;
    }

    /** Commands with string values. */
    public RedisReactiveCommands<String, String> strings() {
        return strings.reactive();
    }

    /** Commands with binary values (JDK-serialized objects). */
    public RedisReactiveCommands<String, byte[]> bytes() {
        return bytes.reactive();
    }

    /** A connection of its own for SUBSCRIBE (a subscribed connection can run nothing else); the caller closes it. */
    public StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return client.connectPubSub();
    }

    @Override
    public void close() {
        if (strings != null) {
            strings.close();
        }
        if (bytes != null) {
            bytes.close();
        }
        client.shutdown();
        resources.shutdown();
    }
}
