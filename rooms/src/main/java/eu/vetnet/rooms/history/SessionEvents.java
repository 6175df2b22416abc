package eu.vetnet.rooms.history;

import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who joined and left which room, when and with which role: written off the hot path (a lost event loses a line
 * of the session list, never a document change), read back as sessions for replay.
 */
public final class SessionEvents {

    private static final Logger log = LoggerFactory.getLogger(SessionEvents.class);
    static final String JOINED = "joined";
    static final String LEFT = "left";

    /** One event as stored. */
    public record Event(Instant at, String kind, String document, String userId, String username, String name, String role) {
    }

    /** A participant of a session: first join and last leave (null while still there). */
    public record Participant(String userId, String username, String name, String role, Instant joinedAt, Instant leftAt) {
    }

    /**
     * A session: a stretch of time during which the room had at least one connection. {@code endedAt} is null while
     * it goes on (or when a server died before recording the leaves).
     */
    public record Session(Instant startedAt, Instant endedAt, List<Participant> participants) {
    }

    private final Supplier<HistoryStatements> statements;
    private final UpdateLog log_;
    private final String writer;
    private final AtomicLong sequence = new AtomicLong();

    public SessionEvents(Supplier<HistoryStatements> statements, UpdateLog updateLog) {
        this.statements = statements;
        this.log_ = updateLog;
        this.writer = updateLog.writer();
    }

    void record(String room, String kind, String document, RoomUser user, RoomRole role) {
        HistoryStatements s;
        try {
            s = statements.get();
        } catch (RuntimeException e) {
            log.debug("session event not recorded: {}", e.getMessage());
            return;
        }
        Instant at = Instant.now();
        int bucket = Buckets.day(at);
        log_.registerBucket(s, room, Buckets.EVENTS, bucket)
                .thenCompose(v -> s.session().executeAsync(s.get("insertEvent").bind(room, bucket, at, writer,
                        sequence.incrementAndGet(), kind, document, user.id(), user.username(), user.name(),
                        role == null ? null : role.name().toLowerCase()).setIdempotent(true)))
                .whenComplete((rs, err) -> {
                    if (err != null) {
                        log.warn("session event {} of {} in {} not recorded: {}", kind, user.id(), room, HistoryDatabase.rootMessage(err));
                    }
                });
    }

    /** Every event of a room in time order. */
    public CompletionStage<List<Event>> events(String room) {
        HistoryStatements s = statements.get();
        List<Integer> buckets = new ArrayList<>();
        return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectBuckets").bind(room, Buckets.EVENTS, 0, Integer.MAX_VALUE)),
                        row -> buckets.add(row.getInt(0)))
                .thenCompose(v -> {
                    List<Event> out = new ArrayList<>();
                    CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
                    for (int bucket : buckets) {
                        chain = chain.thenCompose(x -> HistoryDatabase.forEachRow(
                                s.session().executeAsync(s.get("selectEvents").bind(room, bucket)),
                                row -> out.add(new Event(row.getInstant("at"), row.getString("kind"), row.getString("document"),
                                        row.getString("user_id"), row.getString("username"), row.getString("name"),
                                        row.getString("role")))));
                    }
                    return chain.thenApply(x -> out);
                });
    }

    /** The room's sessions, oldest first, rebuilt from its events. */
    public CompletionStage<List<Session>> sessions(String room) {
        return events(room).thenApply(SessionEvents::toSessions);
    }

    static List<Session> toSessions(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::at));
        List<Session> out = new ArrayList<>();
        int open = 0;
        Instant started = null;
        Map<String, Participant> people = new LinkedHashMap<>();
        Map<String, Integer> connections = new LinkedHashMap<>();
        for (Event e : sorted) {
            if (JOINED.equals(e.kind())) {
                if (open == 0) {
                    started = e.at();
                    people = new LinkedHashMap<>();
                    connections = new LinkedHashMap<>();
                }
                open++;
                connections.merge(e.userId(), 1, Integer::sum);
                Participant p = people.get(e.userId());
                people.put(e.userId(), new Participant(e.userId(), e.username(), e.name(), e.role(),
                        p == null ? e.at() : p.joinedAt(), null));
            } else if (LEFT.equals(e.kind()) && open > 0) {
                open--;
                int left = connections.merge(e.userId(), -1, Integer::sum);
                Participant p = people.get(e.userId());
                if (p != null && left <= 0) {
                    people.put(e.userId(), new Participant(p.userId(), p.username(), p.name(), p.role(), p.joinedAt(), e.at()));
                }
                if (open == 0) {
                    out.add(new Session(started, e.at(), List.copyOf(people.values())));
                }
            }
        }
        if (open > 0) {
            out.add(new Session(started, null, List.copyOf(people.values())));
        }
        return out;
    }
}
