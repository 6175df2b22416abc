package eu.vetnet.rooms.history;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
     * it goes on (or when a server died before recording the leaves). {@code partial}: this entry holds only part of
     * the session, because a page ended inside it (the next page goes on with it, under the same {@code startedAt}) or
     * it goes on from the previous page; each part lists the people it saw.
     */
    public record Session(Instant startedAt, Instant endedAt, List<Participant> participants, boolean partial) {
    }

    /** One page of a room's sessions, oldest first; {@code next} is the cursor of the next page, null after the last. */
    public record Page(List<Session> sessions, String next) {
    }

    private final Supplier<HistoryStatements> statements;
    private final UpdateLog log_;
    private final String writer;
    private final AtomicLong sequence = new AtomicLong();

    /** Pages of sessions {@link #all} reads at most: a room's whole life for a workshop day or a course, not years. */
    public static final int ALL_MAX_PAGES = 20;

    private final int maxEventsPerPage;

    public SessionEvents(Supplier<HistoryStatements> statements, UpdateLog updateLog) {
        this(statements, updateLog, new HistoryProperties().getSessionsMaxEventsPerPage());
    }

    /** @param maxEventsPerPage the events a page of {@link #all} reads at most ({@code vetnet.history.sessions-max-events-per-page}) */
    public SessionEvents(Supplier<HistoryStatements> statements, UpdateLog updateLog, int maxEventsPerPage) {
        this.maxEventsPerPage = maxEventsPerPage;
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
        // The key is fixed now, in the order events happen: events of one millisecond are ordered by it, and the
        // bucket registration below completes in any order.
        long seq = sequence.incrementAndGet();
        log_.registerBucket(s, room, Buckets.EVENTS, bucket)
                .thenCompose(v -> s.session().executeAsync(s.get("insertEvent").bind(room, bucket, at, writer,
                        seq, kind, document, user.id(), user.username(), user.name(),
                        role == null ? null : role.name().toLowerCase()).setIdempotent(true)))
                .whenComplete((rs, err) -> {
                    if (err != null) {
                        log.warn("session event {} of {} in {} not recorded: {}", kind, user.id(), room, HistoryDatabase.rootMessage(err));
                    }
                });
    }

    /**
     * A page of a room's sessions, oldest first: at most {@code limit} sessions, read from {@code after} (null: the
     * beginning) event by event, never more than {@code maxEvents} events, so no request holds a room's whole history.
     * A page that reached {@code maxEvents} inside a session ends with that session's part ({@code partial}); the next
     * page goes on with it.
     */
    public CompletionStage<Page> page(String room, SessionCursor after, int limit, int maxEvents) {
        HistoryStatements s = statements.get();
        List<Integer> buckets = new ArrayList<>();
        int firstBucket = after == null ? 0 : Buckets.day(after.at());
        PageReader reader = new PageReader(after, limit, maxEvents);
        return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectBuckets").bind(room, Buckets.EVENTS, firstBucket,
                        Integer.MAX_VALUE)), row -> buckets.add(row.getInt(0)))
                .thenCompose(v -> {
                    CompletionStage<Boolean> chain = CompletableFuture.completedFuture(false);
                    for (int bucket : buckets) {
                        chain = chain.thenCompose(stopped -> stopped ? CompletableFuture.completedFuture(true)
                                : readUntil(s.session().executeAsync((after != null && bucket == firstBucket
                                        ? s.get("selectEventsAfter").bind(room, bucket, after.at(), after.writer(), after.seq())
                                        : s.get("selectEvents").bind(room, bucket)).setPageSize(EVENTS_PER_FETCH)), reader));
                    }
                    return chain.thenApply(stopped -> reader.page(stopped));
                });
    }

    /**
     * The room's sessions, oldest first, reading at most {@link #ALL_MAX_PAGES} pages (a session cut across pages comes
     * as its parts, under one start): who joined, with their usernames, which the names directory does not keep. Read
     * by publishing (everyone to take out) and the attendance (docs/rooms.md, "Publishing", "Attendance").
     */
    public CompletionStage<List<Session>> all(String room) {
        return all(room, null, ALL_MAX_PAGES, maxEventsPerPage, new ArrayList<>());
    }

    private CompletionStage<List<Session>> all(String room, SessionCursor after, int pagesLeft, int maxEvents, List<Session> into) {
        return page(room, after, 500, maxEvents).thenCompose(p -> {
            into.addAll(p.sessions());
            return p.next() == null || pagesLeft <= 1 ? CompletableFuture.completedFuture(into)
                    : all(room, SessionCursor.decode(p.next()), pagesLeft - 1, maxEvents, into);
        });
    }

    /**
     * An account deleted (docs/rooms.md, "Deleting an account"): every event of {@code userId} in {@code room} names
     * {@code pseudonym} instead of their username and name, day bucket after day bucket. The user id stays (the
     * documents hold authors by it; nothing links it to the person once their account is gone). Answers how many
     * events were renamed; renaming again finds none to change.
     */
    public CompletionStage<Integer> rename(String room, String userId, String pseudonym) {
        HistoryStatements s = statements.get();
        List<Integer> buckets = new ArrayList<>();
        return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectBuckets").bind(room, Buckets.EVENTS, 0, Integer.MAX_VALUE)),
                        row -> buckets.add(row.getInt(0)))
                .thenCompose(v -> {
                    CompletionStage<Integer> chain = CompletableFuture.completedFuture(0);
                    for (int bucket : buckets) {
                        chain = chain.thenCompose(done -> renameIn(s, room, bucket, userId, pseudonym,
                                s.session().executeAsync(s.get("selectEvents").bind(room, bucket).setPageSize(EVENTS_PER_FETCH)), done));
                    }
                    return chain;
                });
    }

    private static CompletionStage<Integer> renameIn(HistoryStatements s, String room, int bucket, String userId, String pseudonym,
            CompletionStage<AsyncResultSet> fetch, int done) {
        return fetch.thenCompose(rs -> {
            List<CompletableFuture<?>> writes = new ArrayList<>();
            for (Row row : rs.currentPage()) {
                if (userId.equals(row.getString("user_id")) && !pseudonym.equals(row.getString("name"))) {
                    writes.add(s.session().executeAsync(s.get("renameEvent").bind(pseudonym, pseudonym, room, bucket, row.getInstant("at"),
                            row.getString("writer"), row.getLong("seq")).setIdempotent(true)).toCompletableFuture());
                }
            }
            int now = done + writes.size();
            return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .thenCompose(v -> rs.hasMorePages() ? renameIn(s, room, bucket, userId, pseudonym, rs.fetchNextPage(), now)
                            : CompletableFuture.completedFuture(now));
        });
    }

    /** Rows fetched from Cassandra at a time while a page is read. */
    private static final int EVENTS_PER_FETCH = 500;

    /** Feeds rows to {@code reader} page after page until it has enough; true when it stopped before the end. */
    private static CompletionStage<Boolean> readUntil(CompletionStage<AsyncResultSet> fetch, PageReader reader) {
        return fetch.thenCompose(rs -> {
            for (Row row : rs.currentPage()) {
                if (!reader.add(row)) {
                    return CompletableFuture.completedFuture(true);
                }
            }
            return rs.hasMorePages() ? readUntil(rs.fetchNextPage(), reader) : CompletableFuture.completedFuture(false);
        });
    }

    /** Builds one page from events in time order; never holds more than the page's sessions. */
    private static final class PageReader {
        private final SessionFold fold;
        private final int limit;
        private final int maxEvents;
        private final List<Session> sessions = new ArrayList<>();
        private int read;
        private Row last;

        PageReader(SessionCursor after, int limit, int maxEvents) {
            this.fold = after == null ? new SessionFold() : new SessionFold(after.open(), after.started());
            this.limit = limit;
            this.maxEvents = maxEvents;
        }

        /** False once the page is full (limit sessions, or maxEvents read). */
        boolean add(Row row) {
            last = row;
            read++;
            Session ended = fold.add(event(row));
            if (ended != null) {
                sessions.add(ended);
            }
            return sessions.size() < limit && read < maxEvents;
        }

        Page page(boolean stopped) {
            if (!stopped) {
                // The end of the room's events: the session under way, if any, is the last, and there is no next page.
                Session underWay = fold.underWay(false);
                if (underWay != null) {
                    sessions.add(underWay);
                }
                return new Page(List.copyOf(sessions), null);
            }
            Session cut = fold.underWay(true);
            if (cut != null) {
                sessions.add(cut);
            }
            SessionCursor next = new SessionCursor(last.getInstant("at"), last.getString("writer"), last.getLong("seq"),
                    fold.open(), fold.open() == 0 ? null : fold.started());
            return new Page(List.copyOf(sessions), next.encode());
        }
    }

    private static Event event(Row row) {
        return new Event(row.getInstant("at"), row.getString("kind"), row.getString("document"), row.getString("user_id"),
                row.getString("username"), row.getString("name"), row.getString("role"));
    }

    /** Every session of a list of events, oldest first (the fold a page uses, over a list; tests). */
    static List<Session> toSessions(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::at));
        SessionFold fold = new SessionFold();
        List<Session> out = new ArrayList<>();
        for (Event e : sorted) {
            Session ended = fold.add(e);
            if (ended != null) {
                out.add(ended);
            }
        }
        Session underWay = fold.underWay(false);
        if (underWay != null) {
            out.add(underWay);
        }
        return out;
    }
}
