package eu.vetnet.rooms.history;

import eu.vetnet.rooms.history.SessionEvents.Event;
import eu.vetnet.rooms.history.SessionEvents.Participant;
import eu.vetnet.rooms.history.SessionEvents.Session;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds sessions from session events fed one at a time in time order, so a reader never holds a room's events: a
 * session is a stretch of time with at least one connection; it starts when the first joins and ends when the last
 * leaves. Two tabs of one person are one participant, who left when their last connection did.
 */
final class SessionFold {

    private int open;
    private Instant started;
    /** The session under way began on an earlier page: this fold knows only its part from the resumed position on. */
    private boolean resumed;
    private Map<String, Participant> people = new LinkedHashMap<>();
    private Map<String, Integer> connections = new LinkedHashMap<>();

    /** From the beginning of a room's events, or from a moment when nobody was connected. */
    SessionFold() {
    }

    /** Inside a session an earlier page ended in: {@code open} connections since {@code started}. */
    SessionFold(int open, Instant started) {
        this.open = open;
        this.started = started;
        this.resumed = open > 0;
    }

    /** Feeds the next event; returns the session it ended, or null. */
    Session add(Event e) {
        if (SessionEvents.JOINED.equals(e.kind())) {
            if (open == 0) {
                started = e.at();
                people = new LinkedHashMap<>();
                connections = new LinkedHashMap<>();
                resumed = false;
            }
            open++;
            connections.merge(e.userId(), 1, Integer::sum);
            Participant p = people.get(e.userId());
            people.put(e.userId(), new Participant(e.userId(), e.username(), e.name(), e.role(),
                    p == null ? e.at() : p.joinedAt(), null));
        } else if (SessionEvents.LEFT.equals(e.kind()) && open > 0) {
            open--;
            int left = connections.merge(e.userId(), -1, Integer::sum);
            Participant p = people.get(e.userId());
            if (p != null && left <= 0) {
                people.put(e.userId(), new Participant(p.userId(), p.username(), p.name(), p.role(), p.joinedAt(), e.at()));
            }
            if (open == 0) {
                return new Session(started, e.at(), List.copyOf(people.values()), resumed);
            }
        }
        return null;
    }

    /** The session under way (endedAt null), or null when nobody is connected; {@code cut}: a page ends inside it. */
    Session underWay(boolean cut) {
        return open == 0 ? null : new Session(started, null, List.copyOf(people.values()), resumed || cut);
    }

    int open() {
        return open;
    }

    Instant started() {
        return started;
    }
}
