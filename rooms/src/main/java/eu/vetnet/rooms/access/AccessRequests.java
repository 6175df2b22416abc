package eu.vetnet.rooms.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Requests to enter a room from people not on its access list (docs/rooms.md, "Requests for access"): one per
 * person and room, the latest state wins. Stored with the history (Cassandra) or in memory, as the rest.
 */
public interface AccessRequests {

    /** At most this many requests of a room are listed (a room is not a queue of thousands). */
    int MAX_LISTED = 500;

    enum Status { PENDING, GRANTED, DENIED }

    /** One person's request for one room. {@code username} is what a grant puts on the access list. */
    record Request(String room, String userId, String username, String name, Instant requestedAt, Status status) {

        public Request withStatus(Status s) {
            return new Request(room, userId, username, name, requestedAt, s);
        }
    }

    CompletionStage<Void> save(Request request);

    CompletionStage<Optional<Request>> find(String room, String userId);

    /** The room's requests, oldest first, at most {@link #MAX_LISTED}. */
    CompletionStage<List<Request>> list(String room);
}
