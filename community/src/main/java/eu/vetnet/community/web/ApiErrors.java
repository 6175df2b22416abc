package eu.vetnet.community.web;

import eu.vetnet.identity.ApiError;
import eu.vetnet.community.storage.StoreUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** The one rendering of refused requests: {@code {status, error, message, fix}} (docs/community.md, "API"). */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(e.toError());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ApiError> unreadable(ServerWebInputException e) {
        return ResponseEntity.badRequest().body(new ApiError(400, "Bad Request", "the request is not what this endpoint takes: "
                + e.getReason(), "see docs/community.md (\"API\") for the shape of each request"));
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ApiError> unavailable(StoreUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError(503, "Service Unavailable",
                e.getMessage(), "try again in a moment"));
    }
}
