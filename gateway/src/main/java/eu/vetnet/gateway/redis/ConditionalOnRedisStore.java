package eu.vetnet.gateway.redis;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Beans for several gateways: {@code vetnet.gateway.session.store=redis} (VETNET_SESSION_STORE=redis) keeps
 * sessions, rate-limit buckets and sign-outs in Redis, shared by every gateway.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "vetnet.gateway.session.store", havingValue = "redis")
public @interface ConditionalOnRedisStore {
}
