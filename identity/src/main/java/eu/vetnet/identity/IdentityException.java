package eu.vetnet.identity;

/** The identity module's one unchecked exception: a token or a request it cannot turn into a user or an action. */
public class IdentityException extends RuntimeException {

    public IdentityException(String message) {
        super(message);
    }

    public IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
