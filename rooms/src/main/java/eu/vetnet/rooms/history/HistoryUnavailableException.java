package eu.vetnet.rooms.history;

import eu.vetnet.identity.api.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The history could not be read or written. A room refuses the join with 1013 (try again later) on it; a REST call
 * gets 503.
 */
public class HistoryUnavailableException extends ApiException {

    private static final String FIX = "try again once Cassandra is reachable";

    public HistoryUnavailableException(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, message, FIX);
    }

    public HistoryUnavailableException(String message, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, message, FIX, cause);
    }
}
