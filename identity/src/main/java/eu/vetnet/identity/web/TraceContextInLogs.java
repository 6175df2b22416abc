package eu.vetnet.identity.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Carries a request's trace through every VET-NET server's reactive code (docs/operations.md, "Traces and logs").
 *
 * <p>A WebFlux server keeps the current observation in Reactor's context, not in the thread: the log lines written
 * while serving a request (their trace id in the JSON) and the Cassandra requests it makes (spans of its trace) see it
 * only when Reactor puts it back on each thread that runs the request's operators. Spring Boot does that with
 * {@code spring.reactor.context-propagation=auto}; set here as every server's default, below anything a server's own
 * configuration or an operator sets (the room server keeps {@code limited}, for its update path's CPU; see its
 * application.yaml).
 */
public class TraceContextInLogs implements EnvironmentPostProcessor {

    public static final String PROPERTY = "spring.reactor.context-propagation";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("vetnet-trace-context", Map.of(PROPERTY, "auto")));
    }
}
