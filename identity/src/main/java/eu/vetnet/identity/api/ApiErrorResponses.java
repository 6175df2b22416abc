package eu.vetnet.identity.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebInputException;

/**
 * The one rendering of refused requests as {@link ApiError}, for a server's controllers. A server extends it in a
 * {@code @RestControllerAdvice} and names the doc that shows its requests' shapes.
 */
public abstract class ApiErrorResponses {

    private final String requestShapes;

    /** @param requestShapes where a client reads the shape of each request, e.g. {@code docs/rooms.md ("REST")} */
    protected ApiErrorResponses(String requestShapes) {
        this.requestShapes = requestShapes;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(e.toError());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ApiError> unreadable(ServerWebInputException e) {
        return ResponseEntity.badRequest().body(new ApiError(400, "Bad Request",
                "the request is not what this endpoint takes: " + e.getReason(), "see " + requestShapes + " for the shape of each request"));
    }
}
