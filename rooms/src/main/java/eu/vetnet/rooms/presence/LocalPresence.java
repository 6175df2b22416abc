package eu.vetnet.rooms.presence;

import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The people connected to this room server, counted per connection (two tabs are one person). The source of
 * truth for this node's share of presence: Redis only ever holds copies of it, rewritten every heartbeat.
 */
public final class LocalPresence {

    private static final class Person {
        final RoomUser user;
        RoomRole role;
        final Map<String, Integer> documents = new LinkedHashMap<>();
        final Instant since = Instant.now();

        Person(RoomUser user, RoomRole role) {
            this.user = user;
            this.role = role;
        }
    }

    private final String node;
    private final Map<String, Map<String, Person>> rooms = new LinkedHashMap<>();
    private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();

    public LocalPresence(String node) {
        this.node = node;
    }

    public String node() {
        return node;
    }

    public void join(String roomId, String document, RoomUser user, RoomRole role) {
        synchronized (this) {
            Person p = rooms.computeIfAbsent(roomId, k -> new LinkedHashMap<>()).computeIfAbsent(user.id(), k -> new Person(user, role));
            p.role = role;
            p.documents.merge(document, 1, Integer::sum);
        }
        changes.tryEmitNext(roomId);
    }

    public void leave(String roomId, String document, RoomUser user) {
        synchronized (this) {
            Map<String, Person> people = rooms.get(roomId);
            Person p = people == null ? null : people.get(user.id());
            if (p == null) {
                return;
            }
            if (p.documents.merge(document, -1, Integer::sum) <= 0) {
                p.documents.remove(document);
            }
            if (p.documents.isEmpty()) {
                people.remove(user.id());
            }
            if (people.isEmpty()) {
                rooms.remove(roomId);
            }
        }
        changes.tryEmitNext(roomId);
    }

    /** The room left this server (unloaded): nobody is in it here any more. */
    public void dropRoom(String roomId) {
        boolean removed;
        synchronized (this) {
            removed = rooms.remove(roomId) != null;
        }
        if (removed) {
            changes.tryEmitNext(roomId);
        }
    }

    public synchronized List<PresenceEntry> entries() {
        List<PresenceEntry> out = new ArrayList<>();
        rooms.forEach((roomId, people) -> people.values().forEach(p -> out.add(new PresenceEntry(roomId, p.user.id(),
                p.user.username(), p.user.name(), p.role.name().toLowerCase(), List.copyOf(new TreeSet<>(p.documents.keySet())),
                p.since, node))));
        return out;
    }

    public Flux<String> changes() {
        return changes.asFlux();
    }
}
