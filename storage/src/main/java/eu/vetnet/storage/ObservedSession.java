package eu.vetnet.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.api.core.type.reflect.GenericType;
import com.datastax.oss.driver.internal.core.session.SessionWrapper;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Cassandra session whose requests are observed (a span in the trace, a timer in the metrics) when they are made
 * inside an observation, such as an HTTP request's: the trace then runs from the gateway through the server into
 * Cassandra (docs/operations.md, "Traces and logs"). Requests made outside any observation (a room socket's appends,
 * background work) go straight to the driver at no cost. Every way of executing ends in {@link #execute}. Built on
 * the driver's {@code SessionWrapper}, the class its docs give for wrapping a session (in an internal package).
 */
final class ObservedSession extends SessionWrapper implements CqlSession {

    /** The observation's name: its timer is {@code vetnet.cassandra} in the metrics. */
    static final String NAME = "vetnet.cassandra";

    private final ObservationRegistry observations;

    ObservedSession(CqlSession delegate, ObservationRegistry observations) {
        super(delegate);
        this.observations = observations;
    }

    @Override
    public <RequestT extends Request, ResultT> ResultT execute(RequestT request, GenericType<ResultT> resultType) {
        Observation parent = observations.getCurrentObservation();
        if (parent == null) {
            return super.execute(request, resultType);
        }
        String operation = operation(request);
        Observation observation = Observation.createNotStarted(NAME, observations)
                .parentObservation(parent)
                .contextualName("cassandra " + operation)
                .lowCardinalityKeyValue("db.system", "cassandra")
                .lowCardinalityKeyValue("db.operation", operation)
                .start();
        ResultT result;
        try (Observation.Scope scope = observation.openScope()) {
            result = super.execute(request, resultType);
        } catch (RuntimeException | Error e) {
            observation.error(e);
            observation.stop();
            throw e;
        }
        if (result instanceof CompletionStage<?> stage) {
            // The driver completes on its own I/O threads: what the caller chained on the stage runs there, so the
            // request's observation is put back around that completion (its log lines carry the trace id too).
            CompletableFuture<Object> inScope = new CompletableFuture<>();
            stage.whenComplete((r, e) -> {
                if (e != null) {
                    observation.error(e);
                }
                observation.stop();
                try (Observation.Scope restored = parent.openScope()) {
                    if (e != null) {
                        inScope.completeExceptionally(e);
                    } else {
                        inScope.complete(r);
                    }
                }
            });
            @SuppressWarnings("unchecked")
            ResultT observed = (ResultT) inScope;
            return observed;
        }
        observation.stop();
        return result;
    }

    /** The statement's first word (SELECT, INSERT, UPDATE, DELETE, BATCH, ...): a name of low cardinality. */
    static String operation(Request request) {
        String cql;
        if (request instanceof BoundStatement bound) {
            cql = bound.getPreparedStatement().getQuery();
        } else if (request instanceof SimpleStatement simple) {
            cql = simple.getQuery();
        } else if (request instanceof BatchStatement) {
            return "BATCH";
        } else {
            return request.getClass().getSimpleName();
        }
        String trimmed = cql.stripLeading();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
    }
}
