package eu.vetnet.gateway.ratelimit;

import eu.vetnet.gateway.redis.GatewayRedis;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The buckets in Redis, so that every gateway draws on the same budget per user: a user's requests spread over
 * three gateways get the configured rate once, not three times.
 *
 * <p>A token bucket rather than a counter per fixed window: the same behaviour as the in-memory limiter (a burst,
 * then a steady rate), and no doubled allowance at a window's edge. It takes one Lua script per request
 * ({@code token-bucket.lua}, beside this class, says why a script and why Redis's clock), sent by its SHA-1 and
 * loaded again only when Redis has forgotten it (a restart).
 *
 * <p>When Redis cannot answer, the request is allowed: the limit protects the room servers from a runaway client,
 * it is not a security boundary, and an outage of Redis should not also take the API down.
 */
public final class RedisTokenBucketRateLimiter extends UserRateLimiter {

    static final String KEY_PREFIX = "vetnet:ratelimit:";
    private static final Logger log = LoggerFactory.getLogger(RedisTokenBucketRateLimiter.class);
    private static final String SCRIPT = readScript();

    private final GatewayRedis redis;
    private final String sha;
    private final String[] args;

    public RedisTokenBucketRateLimiter(GatewayRedis redis, double perSecond, int burst) {
        super(perSecond, burst);
        this.redis = redis;
        this.sha = redis.strings().digest(SCRIPT);
        this.args = new String[] {Double.toString(perSecond), Integer.toString(burst)};
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        String[] keys = {KEY_PREFIX + id};
        // One element: the script's reply as a list, {allowed, tokens left}.
        return redis.strings().<List<Long>>evalsha(sha, ScriptOutputType.MULTI, keys, args).next()
                .onErrorResume(RedisNoScriptException.class,
                        e -> redis.strings().<List<Long>>eval(SCRIPT, ScriptOutputType.MULTI, keys, args).next())
                .map(result -> response(result.get(0) == 1L, result.get(1)))
                .onErrorResume(e -> {
                    log.warn("rate limit unavailable (Redis), request allowed: {}", e.toString());
                    return Mono.just(response(true, burst));
                });
    }

    private static String readScript() {
        try (InputStream in = RedisTokenBucketRateLimiter.class.getResourceAsStream("token-bucket.lua")) {
            if (in == null) {
                throw new IllegalStateException("token-bucket.lua is missing beside RedisTokenBucketRateLimiter");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
