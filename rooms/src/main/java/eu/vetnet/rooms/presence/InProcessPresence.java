package eu.vetnet.rooms.presence;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Presence of this room server alone: the embedded run without Redis, and the fallback while Redis is away. */
public final class InProcessPresence implements Presence {

    private final LocalPresence local;

    public InProcessPresence(LocalPresence local) {
        this.local = local;
    }

    @Override
    public Mono<Map<String, Integer>> counts() {
        return Mono.fromSupplier(() -> count(local.entries()));
    }

    @Override
    public Mono<List<PresenceEntry>> room(String roomId) {
        return Mono.fromSupplier(() -> local.entries().stream().filter(e -> e.roomId().equals(roomId)).toList());
    }

    @Override
    public Flux<String> changes() {
        return local.changes();
    }

    /** People per room, a person counted once however many servers or tabs they are on. */
    static Map<String, Integer> count(List<PresenceEntry> entries) {
        Map<String, java.util.Set<String>> people = new TreeMap<>();
        for (PresenceEntry e : entries) {
            people.computeIfAbsent(e.roomId(), k -> new java.util.HashSet<>()).add(e.userId());
        }
        Map<String, Integer> out = new TreeMap<>();
        people.forEach((room, users) -> out.put(room, users.size()));
        return out;
    }
}
