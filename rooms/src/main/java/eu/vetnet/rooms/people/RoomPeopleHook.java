package eu.vetnet.rooms.people;

import eu.vetnet.rooms.hook.HookPriority;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.hook.SessionPayload;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts everyone who joins a room into its names directory. A person is written once per room and name while this
 * server runs (a join per document and every reconnect would otherwise each write a row); a failed write is only
 * logged: the directory helps the view, it never keeps anyone out.
 */
public final class RoomPeopleHook implements RoomHook {

    private static final Logger log = LoggerFactory.getLogger(RoomPeopleHook.class);
    /** Bounds the memory of what was written: past it, the next join of anyone writes again (harmless). */
    private static final int MAX_REMEMBERED = 100_000;

    private final RoomPeople people;
    private final Map<String, String> written = new ConcurrentHashMap<>();

    public RoomPeopleHook(RoomPeople people) {
        this.people = people;
    }

    @Override
    public int priority() {
        return HookPriority.STORAGE;
    }

    @Override
    public void onJoined(SessionPayload payload) {
        RoomUser user = payload.user();
        if (user == null || user.id() == null) {
            return;
        }
        String name = user.name();
        String key = payload.roomId() + '\u0000' + user.id();
        if (name.equals(written.get(key))) {
            return;
        }
        if (written.size() >= MAX_REMEMBERED) {
            written.clear();
        }
        written.put(key, name);
        people.remember(payload.roomId(), new RoomPeople.Person(user.id(), name)).whenComplete((v, e) -> {
            if (e != null) {
                written.remove(key, name);
                log.warn("could not add {} to the names of room {}: {}", user.id(), payload.roomId(), e.toString());
            }
        });
    }
}
