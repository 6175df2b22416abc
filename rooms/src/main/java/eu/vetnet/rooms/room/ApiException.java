package eu.vetnet.rooms.room;

import eu.vetnet.identity.ApiError;
import eu.vetnet.rooms.core.EditRefusal;
import eu.vetnet.rooms.RoomException;
import org.springframework.http.HttpStatus;

/** A refused REST request, rendered as {@link ApiError}. */
public class ApiException extends RoomException implements EditRefusal {

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
}
