package eu.vetnet.crdt;

/** The one unchecked root of every error this engine throws. */
public class CrdtException extends RuntimeException {

    public CrdtException(String message) {
        super(message);
    }

    public CrdtException(String message, Throwable cause) {
        super(message, cause);
    }
}
