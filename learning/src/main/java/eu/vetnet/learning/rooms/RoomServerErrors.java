package eu.vetnet.learning.rooms;

import eu.vetnet.identity.api.ApiException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * What the learning server tells a person when the room server refuses or fails a call it made with their token: a
 * refusal is theirs (they are not on the room's list, the room is gone), a failure is the room server's.
 */
public final class RoomServerErrors {

    private RoomServerErrors() {
    }

    /** @param what what was asked, as the person would say it after "to" ("read its history") */
    public static RuntimeException of(String roomId, String what, Throwable err) {
        Throwable cause = cause(err);
        if (cause instanceof WebClientResponseException r && (r.getStatusCode().value() == 403 || r.getStatusCode().value() == 404)) {
            return ApiException.conflict("the room " + roomId + " does not let you " + what + " (" + r.getStatusCode().value() + ")",
                    "be a facilitator on the room's access list, or check the room id in the calendar");
        }
        if (cause instanceof WebClientResponseException r) {
            return new ApiException(HttpStatus.BAD_GATEWAY, "the room server answered " + r.getStatusCode().value() + " when asked to " + what,
                    "try again in a moment");
        }
        if (cause instanceof WebClientRequestException || cause instanceof TimeoutException) {
            return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the room server cannot be reached to " + what, "try again in a moment");
        }
        return cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
    }

    /** What failed, out of the future's wrapping. */
    static Throwable cause(Throwable err) {
        return err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    }
}
