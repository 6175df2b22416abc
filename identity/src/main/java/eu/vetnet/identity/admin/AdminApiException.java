package eu.vetnet.identity.admin;

import eu.vetnet.identity.IdentityException;
import org.springframework.http.HttpStatus;

/** An admin API call that cannot be done, with the status to answer and a reason that says how to fix it. */
public class AdminApiException extends IdentityException {

    private final HttpStatus status;

    public AdminApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public AdminApiException(HttpStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
