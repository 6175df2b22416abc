package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.redis.GatewayRedis;
import eu.vetnet.gateway.redis.JavaSerialization;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which of our sessions belong to which of the issuer's sign-ins, in Redis, so that a back-channel logout reaching
 * any gateway finds sessions signed in on another (or on one that has restarted since).
 *
 * <p>Keys: {@code vetnet:oidc:session:{our session id}} holds the serialized {@link OidcSessionInformation};
 * {@code vetnet:oidc:sid:{issuer session id}} and {@code vetnet:oidc:sub:{subject}} are sets of our session ids,
 * the two ways a logout token names a sign-in. All expire after {@code sign-in-lifetime}. A logout token matches a
 * session as in Spring Security's in-memory registry: same issuer, a shared audience, and the same sid (or, when the
 * token has none, the same subject).
 */
final class RedisOidcSessionRegistry implements ReactiveOidcSessionRegistry {

    private static final String SESSION = "vetnet:oidc:session:";
    private static final String BY_SID = "vetnet:oidc:sid:";
    private static final String BY_SUBJECT = "vetnet:oidc:sub:";

    private final GatewayRedis redis;
    private final Duration lifetime;

    RedisOidcSessionRegistry(GatewayRedis redis, Duration lifetime) {
        this.redis = redis;
        this.lifetime = lifetime;
    }

    @Override
    public Mono<Void> saveSessionInformation(OidcSessionInformation info) {
        OidcUser user = info.getPrincipal();
        String sid = user.getClaimAsString("sid");
        Mono<Void> bySid = sid == null ? Mono.empty() : index(BY_SID + sid, info.getSessionId());
        return redis.bytes().psetex(SESSION + info.getSessionId(), lifetime.toMillis(), JavaSerialization.write(info))
                .then(bySid)
                .then(index(BY_SUBJECT + user.getSubject(), info.getSessionId()));
    }

    private Mono<Void> index(String key, String sessionId) {
        return redis.strings().sadd(key, sessionId).then(redis.strings().pexpire(key, lifetime.toMillis())).then();
    }

    /** Called when our session ends (logout) or changes id (at sign-in). */
    @Override
    public Mono<OidcSessionInformation> removeSessionInformation(String clientSessionId) {
        return take(clientSessionId);
    }

    @Override
    public Flux<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
        String index = token.getSessionId() != null ? BY_SID + token.getSessionId() : BY_SUBJECT + token.getSubject();
        return redis.strings().smembers(index)
                .concatMap(sessionId -> read(sessionId)
                        .filter(info -> matches(token, info.getPrincipal()))
                        .flatMap(info -> forget(sessionId, info)));
    }

    private Mono<OidcSessionInformation> read(String sessionId) {
        return redis.bytes().get(SESSION + sessionId).map(bytes -> JavaSerialization.read(bytes, OidcSessionInformation.class));
    }

    /** Reads and deletes the session's entry, and drops it from both indexes. */
    private Mono<OidcSessionInformation> take(String sessionId) {
        return read(sessionId).flatMap(info -> forget(sessionId, info));
    }

    /** Deletes the entry {@code info} was read from, and drops it from both indexes. */
    private Mono<OidcSessionInformation> forget(String sessionId, OidcSessionInformation info) {
        OidcUser user = info.getPrincipal();
        String sid = user.getClaimAsString("sid");
        Mono<Long> fromSid = sid == null ? Mono.empty() : redis.strings().srem(BY_SID + sid, sessionId);
        return redis.bytes().del(SESSION + sessionId)
                .then(fromSid)
                .then(redis.strings().srem(BY_SUBJECT + user.getSubject(), sessionId))
                .thenReturn(info);
    }

    private static boolean matches(OidcLogoutToken token, OidcUser user) {
        List<String> audience = user.getAudience();
        if (audience == null || Collections.disjoint(token.getAudience(), audience)
                || !token.getIssuer().toString().equals(user.getIssuer().toString())) {
            return false;
        }
        return token.getSessionId() != null
                ? token.getSessionId().equals(user.getClaimAsString("sid"))
                : token.getSubject().equals(user.getSubject());
    }
}
