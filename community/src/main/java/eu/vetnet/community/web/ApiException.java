package eu.vetnet.community.web;

import eu.vetnet.identity.ApiError;
import org.springframework.http.HttpStatus;

/** A refused request: its status, what was wrong and what to do instead. Nothing was changed. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String fix;

    public ApiException(HttpStatus status, String message, String fix) {
        super(message);
        this.status = status;
        this.fix = fix;
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError toError() {
        return new ApiError(status.value(), status.getReasonPhrase(), getMessage(), fix);
    }

    public static ApiException badRequest(String message, String fix) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, fix);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message, "check the link; a practice that is not published is seen by its authors only");
    }

    public static ApiException forbidden(String message, String fix) {
        return new ApiException(HttpStatus.FORBIDDEN, message, fix);
    }
}
