package eu.vetnet.rooms.web;

import eu.vetnet.identity.ApiError;
import eu.vetnet.rooms.history.HistoryUnavailableException;
import eu.vetnet.rooms.room.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * The one rendering of refused REST requests, for every controller of the room server: {@code {status, error, message,
 * fix}} (docs/rooms.md, "REST").
 */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(e.toError());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ApiError> unreadable(ServerWebInputException e) {
        return ResponseEntity.badRequest().body(new ApiError(400, "Bad Request", "the body is not the JSON this endpoint takes: "
                + e.getReason(), "see docs/rooms.md (\"REST\") for the shape of each request"));
    }

    @ExceptionHandler(HistoryUnavailableException.class)
    ResponseEntity<ApiError> unavailable(HistoryUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError(503, "Service Unavailable",
                e.getMessage(), "try again once Cassandra is reachable"));
    }
}
