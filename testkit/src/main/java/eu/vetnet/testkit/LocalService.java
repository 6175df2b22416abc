package eu.vetnet.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link ServiceAddress} parameter of a test, lifecycle method or constructor: {@link LocalServiceExtension}
 * starts the service (unless it runs) and passes where it listens.
 *
 * <pre>{@code
 * @ExtendWith(LocalServiceExtension.class)
 * class RedisIntegrationTests {
 *     @BeforeAll
 *     static void connect(@LocalService(Service.REDIS) ServiceAddress redis) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface LocalService {

    /** The service the parameter is the address of. */
    Service value();
}
