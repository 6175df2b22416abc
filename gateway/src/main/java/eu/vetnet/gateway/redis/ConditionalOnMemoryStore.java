package eu.vetnet.gateway.redis;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Beans for one gateway: {@code vetnet.gateway.session.store=memory}, the default (the embedded run). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "vetnet.gateway.session.store", havingValue = "memory", matchIfMissing = true)
public @interface ConditionalOnMemoryStore {
}
