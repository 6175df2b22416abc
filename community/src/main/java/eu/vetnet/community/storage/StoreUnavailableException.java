package eu.vetnet.community.storage;

import eu.vetnet.identity.api.ApiException;
import org.springframework.http.HttpStatus;

/** Cassandra cannot be reached (yet), or the search index is still being built: nothing was changed (503). */
public class StoreUnavailableException extends ApiException {

    private static final String FIX = "try again in a moment";

    public StoreUnavailableException(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, message, FIX);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, message, FIX, cause);
    }
}
