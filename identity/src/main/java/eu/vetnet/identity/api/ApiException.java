package eu.vetnet.identity.api;

import org.springframework.http.HttpStatus;

/**
 * A refused request: its status, what was wrong and what to do instead. Thrown before anything was changed, so the
 * caller may try again once it has fixed what {@link #fix()} says; the room server relies on that when a server edit
 * declines (docs/rooms.md, "Server edits").
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String fix;

    public ApiException(HttpStatus status, String message, String fix) {
        this(status, message, fix, null);
    }

    public ApiException(HttpStatus status, String message, String fix, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.fix = fix;
    }

    public HttpStatus status() {
        return status;
    }

    public String fix() {
        return fix;
    }

    public ApiError toError() {
        return new ApiError(status.value(), status.getReasonPhrase(), getMessage(), fix);
    }

    public static ApiException badRequest(String message, String fix) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, fix);
    }

    public static ApiException forbidden(String message, String fix) {
        return new ApiException(HttpStatus.FORBIDDEN, message, fix);
    }

    public static ApiException notFound(String message, String fix) {
        return new ApiException(HttpStatus.NOT_FOUND, message, fix);
    }

    /** Not found, or not shown to this caller: the two look the same, so a guess learns nothing. */
    public static ApiException notFound(String message) {
        return notFound(message, "check the link or the id; what is not shared with you is not found either");
    }

    public static ApiException conflict(String message, String fix) {
        return new ApiException(HttpStatus.CONFLICT, message, fix);
    }
}
