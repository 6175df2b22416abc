package eu.vetnet.rooms.followup;

import eu.vetnet.rooms.hook.HookPriority;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.SessionPayload;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Remembers the e-mail address a person's token gives when they join a room: where follow-up mail goes. A person joins
 * each document of a room (board, notes, workshop, private notes) and many rooms: the address is written when this
 * server has not stored it yet, not on every join.
 */
@Component
public class ContactsHook implements RoomHook {

    private static final Logger log = LoggerFactory.getLogger(ContactsHook.class);

    private final Inbox inbox;
    /** user id -> the address this server stored for them. */
    private final Map<String, String> stored = new ConcurrentHashMap<>();

    public ContactsHook(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public int priority() {
        return HookPriority.STORAGE;
    }

    @Override
    public void onJoined(SessionPayload payload) {
        String email = payload.user().email();
        String id = payload.user().id();
        if (email == null || email.isBlank() || email.strip().equals(stored.put(id, email.strip()))) {
            return;
        }
        inbox.rememberEmail(id, email.strip()).whenComplete((v, e) -> {
            if (e != null) {
                stored.remove(id); // tried again on the next join
                log.warn("could not remember the address of {}: {}", id, e.toString());
            }
        });
    }
}
