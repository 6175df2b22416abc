package eu.vetnet.learning.rooms;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.identity.api.RoomIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The rooms of live sessions, made and opened on the room server's own API (docs/rooms.md) with the facilitator's
 * token, so the room server applies its rules to them as to anyone (docs/learning.md, "Live sessions"): a room of
 * kind {@code COURSE_SESSION} from the module's template, the edition's facilitators as its facilitators and the
 * enrolled learners as participants; later enrolments are let in by a facilitator.
 */
public final class LiveRooms {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(LiveRooms.class);
    /** The room server keeps titles short enough for its lists; ours are cut to this. */
    static final int MAX_TITLE = 200;

    /** A room's access list as the room server writes it (owner, facilitators, participants, observers: ids or usernames). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Access(String owner, List<String> facilitators, List<String> participants, List<String> observers) {

        public Access {
            facilitators = facilitators == null ? List.of() : List.copyOf(facilitators);
            participants = participants == null ? List.of() : List.copyOf(participants);
            observers = observers == null ? List.of() : List.copyOf(observers);
        }

        /** Whether the list names the person, by id or by username (the room server accepts either). */
        boolean names(Learner l) {
            return java.util.stream.Stream.of(List.of(owner == null ? "" : owner), facilitators, participants, observers).flatMap(List::stream)
                    .anyMatch(e -> e.equals(l.id()) || e.equalsIgnoreCase(l.username()));
        }
    }

    record NewRoom(String title, String kind, Access access, String template) {
    }

    /** An enrolled learner as a room's list may name them. */
    public record Learner(String id, String username) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Room(String id, Access access) {
    }

    private final WebClient rooms;

    public LiveRooms(String roomsUri) {
        this.rooms = WebClient.builder().baseUrl(roomsUri).build();
    }

    /** Creates the room of a live session and answers its id. */
    public CompletionStage<String> create(String token, String title, String template, List<String> facilitators, List<String> participants) {
        String cut = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
        return rooms.post().uri("/api/rooms").headers(h -> h.setBearerAuth(token))
                .bodyValue(new NewRoom(cut, "COURSE_SESSION", new Access(null, facilitators, participants, List.of()), template))
                .retrieve().bodyToMono(Room.class).timeout(TIMEOUT).toFuture()
                .handle((room, err) -> {
                    if (err != null) {
                        throw creationRefused(err);
                    }
                    return RoomIds.require("the room server's room id", room.id());
                });
    }

    /**
     * Tells the room server when the session is, so that once it is over and the room empty the server assembles its
     * dossier by itself (docs/rooms.md, "Session dossier"). Failing is not fatal: the session works without it, and a
     * facilitator can still end it with its dossier; the failure is logged.
     */
    public CompletionStage<Void> schedule(String token, String roomId, Instant startsAt, Instant endsAt) {
        return rooms.put().uri("/api/rooms/{id}/schedule", roomId).headers(h -> h.setBearerAuth(token))
                .bodyValue(new Schedule(startsAt.toString(), endsAt.toString()))
                .retrieve().toBodilessEntity().timeout(TIMEOUT).toFuture()
                .handle((ok, err) -> {
                    if (err != null) {
                        log.warn("the room server did not take the schedule of room {}: {}", roomId, err.toString());
                    }
                    return (Void) null;
                });
    }

    record Schedule(String startsAt, String endsAt) {
    }

    /** Adds those of {@code learners} the room's list does not name yet (by id or username) as participants, by id; answers how many. */
    public CompletionStage<Integer> letIn(String token, String roomId, List<Learner> learners) {
        return rooms.get().uri("/api/rooms/{id}", roomId).headers(h -> h.setBearerAuth(token))
                .retrieve().bodyToMono(Room.class).timeout(TIMEOUT).toFuture()
                .handle((room, err) -> {
                    if (err != null) {
                        throw RoomServerErrors.of(roomId, "read its access list", err);
                    }
                    return room;
                })
                .thenCompose(room -> {
                    List<String> participants = new ArrayList<>(room.access().participants());
                    learners.stream().filter(l -> !room.access().names(l)).forEach(l -> participants.add(l.id()));
                    int added = participants.size() - room.access().participants().size();
                    Access changed = new Access(room.access().owner(), room.access().facilitators(), participants, room.access().observers());
                    return rooms.put().uri("/api/rooms/{id}/access", roomId).headers(h -> h.setBearerAuth(token)).bodyValue(changed)
                            .retrieve().toBodilessEntity().timeout(TIMEOUT).toFuture()
                            .handle((ok, err) -> {
                                if (err != null) {
                                    throw RoomServerErrors.of(roomId, "change its access list", err);
                                }
                                return added;
                            });
                });
    }

    private static RuntimeException creationRefused(Throwable err) {
        if (RoomServerErrors.cause(err) instanceof WebClientResponseException r && r.getStatusCode().value() == 403) {
            return ApiException.forbidden("the room server lets only facilitators and admins create rooms",
                    "ask a facilitator to schedule the session, or give the id of a room you facilitate");
        }
        return RoomServerErrors.of("for the session", "create it", err);
    }
}
