package eu.vetnet.rooms.attendance;

import eu.vetnet.rooms.export.RoomData;
import eu.vetnet.rooms.history.SessionEvents;
import eu.vetnet.rooms.people.RoomPeople;
import eu.vetnet.rooms.room.RoomRecord;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads a room's attendance of those who agreed to be listed, for the export and the session dossier. */
@Component
public class AttendanceReader {

    private final ObjectProvider<AttendanceConsents> consents;
    private final ObjectProvider<SessionEvents> sessions;
    private final RoomPeople people;

    public AttendanceReader(ObjectProvider<AttendanceConsents> consents, ObjectProvider<SessionEvents> sessions, RoomPeople people) {
        this.consents = consents;
        this.sessions = sessions;
        this.people = people;
    }

    /** The table; empty on a server without history (it keeps no sessions) or when nobody agreed. */
    public Mono<RoomData.Table> table(RoomRecord room) {
        AttendanceConsents store = consents.getIfAvailable();
        SessionEvents events = sessions.getIfAvailable();
        RoomData.Table none = new RoomData.Table(Attendance.COLUMNS, List.of());
        if (store == null || events == null) {
            return Mono.just(none);
        }
        return Mono.fromCompletionStage(() -> store.ofRoom(room.id())).flatMap(agreed -> agreed.isEmpty() ? Mono.just(none)
                : Mono.zip(Mono.fromCompletionStage(() -> events.all(room.id())),
                        Mono.fromCompletionStage(() -> people.list(room.id())))
                        .map(t -> Attendance.table(t.getT1(), agreed.keySet(),
                                t.getT2().stream().collect(Collectors.toMap(RoomPeople.Person::id, RoomPeople.Person::name, (a, b) -> b)), Instant.now())));
    }
}
