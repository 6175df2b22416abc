package eu.vetnet.rooms.history;

import eu.vetnet.identity.api.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The {@code at} of the history's requests (docs/history-and-presence.md, "Replay REST"; docs/rooms.md, "Renders" and
 * "Restoring"): an ISO-8601 instant, read one way for every endpoint that goes back in time, with the same refusals;
 * and the one refusal of everything that needs the history where the server keeps none ({@link #kept}).
 */
public final class AtParameter {

    private AtParameter() {
    }

    /** The instant, or null when none is given (the endpoint then means now). */
    public static Instant optional(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'at' is not an ISO-8601 instant: " + at, "use for example ?at=2026-05-04T10:15:30Z, or leave it out for now");
        }
    }

    /** An instant of the past that must be given (restoring names the moment it restores from). */
    public static Instant required(String at) {
        Instant when = optional(at);
        if (when == null) {
            throw ApiException.badRequest("say from when: 'at' is missing", "send the instant as ISO-8601, for example 2026-05-04T10:15:30Z");
        }
        if (when.isAfter(Instant.now())) {
            throw ApiException.badRequest("'at' is in the future: " + at, "pick an instant of the room's past");
        }
        return when;
    }

    /** The history that past states are rebuilt from; a server that keeps none says so (409). */
    public static PastDocuments history(ObjectProvider<PastDocuments> past, String what) {
        return kept(past, what);
    }

    /**
     * Something only a server with its history in Cassandra has (past states, dossiers, schedules, consents,
     * publications): the one answer when it is not there, 409 saying {@code what} cannot be done without it.
     */
    public static <T> T kept(ObjectProvider<T> provider, String what) {
        T found = provider.getIfAvailable();
        if (found == null) {
            throw ApiException.conflict("this server keeps no history, so " + what, "run the room server with its history in Cassandra");
        }
        return found;
    }
}
