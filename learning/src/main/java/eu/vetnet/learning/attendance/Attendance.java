package eu.vetnet.learning.attendance;

import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.learning.editions.CalendarItem;
import eu.vetnet.learning.editions.Editions;
import eu.vetnet.learning.editions.Enrolment;
import eu.vetnet.learning.programmes.Person;
import eu.vetnet.learning.storage.CassandraAttendance;
import eu.vetnet.learning.storage.CassandraEditions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Attendance without paperwork (docs/learning.md, "Attendance"): for a live session, read from the room's history for
 * the learners who agreed to it; for a session in person, a facilitator's check-in.
 */
public final class Attendance {

    /** A live session's window reaches this far either side of its scheduled time: people come early and stay on. */
    public static final Duration GRACE = Duration.ofMinutes(15);

    private final CassandraAttendance store;
    private final CassandraEditions editions;
    private final Editions editionService;
    private final RoomHistory rooms;
    private final Clock clock;

    public Attendance(CassandraAttendance store, CassandraEditions editions, Editions editionService, RoomHistory rooms, Clock clock) {
        this.store = store;
        this.editions = editions;
        this.editionService = editionService;
        this.rooms = rooms;
        this.clock = clock;
    }

    /** What taking attendance from a room did: the records written, and who was left out for want of consent. */
    public record Taken(List<AttendanceRecord> records, List<String> withoutConsent) {
    }

    /** Reads a live session's attendance from its room, with the facilitator's token, for enrolled learners who consented. */
    public CompletionStage<Taken> fromRoom(VetnetUser user, String bearerToken, String editionId, String itemId) {
        return editionService.facilitated(user, editionId).thenCompose(f -> {
            CalendarItem item = item(f.edition().calendar(), itemId);
            if (item.kind() != CalendarItem.Kind.LIVE) {
                throw ApiException.conflict("only a live session's attendance is read from a room", "check people in by hand for the others");
            }
            Instant from = item.starts().minus(GRACE);
            Instant to = item.ends().plus(GRACE);
            Instant now = clock.instant();
            if (from.isAfter(now)) {
                throw ApiException.conflict("the session has not started yet", "take attendance once it has begun");
            }
            return editions.enrolments(editionId).thenCompose(all -> rooms.sessions(item.roomId(), bearerToken, to).thenCompose(sessions -> {
                List<CompletableFuture<AttendanceRecord>> saved = new ArrayList<>();
                List<String> withoutConsent = new ArrayList<>();
                for (Enrolment e : all) {
                    if (e.status() != Enrolment.Status.ENROLLED) {
                        continue;
                    }
                    if (!e.consentsToAttendance()) {
                        withoutConsent.add(e.name());
                        continue;
                    }
                    long minutes = Presence.minutes(stretches(sessions, e.learnerId()), from, to, now);
                    saved.add(store.save(new AttendanceRecord(editionId, itemId, e.learnerId(), e.name(), minutes,
                            AttendanceRecord.Source.ROOM_HISTORY, Person.of(user), now)).toCompletableFuture());
                }
                return CompletableFuture.allOf(saved.toArray(CompletableFuture[]::new))
                        .thenApply(v -> new Taken(saved.stream().map(CompletableFuture::join).toList(), withoutConsent));
            }));
        });
    }

    /** A facilitator checks an enrolled learner in (or out) of a session in person. */
    public CompletionStage<AttendanceRecord> checkIn(VetnetUser user, String editionId, String itemId, String learnerId, Boolean present) {
        if (present == null) {
            throw ApiException.badRequest("say whether the learner was there", "send {\"present\": true} or false");
        }
        return editionService.facilitated(user, editionId).thenCompose(f -> {
            CalendarItem item = item(f.edition().calendar(), itemId);
            if (item.kind() != CalendarItem.Kind.IN_PERSON) {
                throw ApiException.conflict("check-in is for sessions in person", "take a live session's attendance from its room");
            }
            return editions.enrolment(editionId, learnerId).thenCompose(en -> {
                Enrolment e = en.filter(x -> x.status() == Enrolment.Status.ENROLLED)
                        .orElseThrow(() -> ApiException.conflict(learnerId + " is not enrolled in this edition", "check in enrolled learners"));
                long minutes = present ? Duration.between(item.starts(), item.ends()).toMinutes() : 0;
                return store.save(new AttendanceRecord(editionId, itemId, learnerId, e.name(), minutes, AttendanceRecord.Source.CHECK_IN,
                        Person.of(user), clock.instant()));
            });
        });
    }

    /** The edition's attendance: all of it for its facilitators, one's own for a learner. */
    public CompletionStage<List<AttendanceRecord>> of(VetnetUser user, String editionId) {
        return editionService.read(user, editionId).thenCompose(view -> store.ofEdition(editionId).thenApply(all -> all.stream()
                .filter(r -> view.facilitating() || r.learnerId().equals(user.id()))
                .sorted(Comparator.comparing(AttendanceRecord::itemId).thenComparing(AttendanceRecord::name)).toList()));
    }

    private static CalendarItem item(List<CalendarItem> calendar, String itemId) {
        return calendar.stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no calendar entry " + itemId + " in this edition"));
    }

    static List<Presence.Stretch> stretches(List<RoomHistory.Session> sessions, String userId) {
        List<Presence.Stretch> out = new ArrayList<>();
        for (RoomHistory.Session s : sessions) {
            for (RoomHistory.Participant p : s.participants()) {
                if (userId.equals(p.userId()) && p.joinedAt() != null) {
                    out.add(new Presence.Stretch(p.joinedAt(), p.leftAt() != null ? p.leftAt() : s.endedAt()));
                }
            }
        }
        return out;
    }
}
