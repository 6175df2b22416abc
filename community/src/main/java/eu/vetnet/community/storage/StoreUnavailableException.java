package eu.vetnet.community.storage;

/** Cassandra cannot be reached (yet), or the search index is still being built: nothing was changed. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
