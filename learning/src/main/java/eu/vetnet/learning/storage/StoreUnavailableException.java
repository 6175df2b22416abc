package eu.vetnet.learning.storage;

import eu.vetnet.identity.api.ApiException;
import org.springframework.http.HttpStatus;

/** Cassandra cannot be reached (yet): nothing was changed (503). */
public class StoreUnavailableException extends ApiException {

    public StoreUnavailableException(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, message, "try again in a moment");
    }
}
