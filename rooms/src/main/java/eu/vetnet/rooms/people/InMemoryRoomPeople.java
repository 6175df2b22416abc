package eu.vetnet.rooms.people;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** The names directory in memory, lost on restart: with {@code vetnet.history.store=memory}. */
public final class InMemoryRoomPeople implements RoomPeople {

    private final Map<String, Map<String, String>> rooms = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> remember(String room, Person person) {
        rooms.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).put(person.id(), person.name());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Map<String, String>> names(String room, Collection<String> ids) {
        Map<String, String> known = rooms.getOrDefault(room, Map.of());
        Map<String, String> out = new java.util.HashMap<>();
        for (String id : ids) {
            if (known.containsKey(id)) {
                out.put(id, known.get(id));
            }
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletionStage<List<Person>> list(String room) {
        List<Person> people = rooms.getOrDefault(room, Map.of()).entrySet().stream()
                .map(e -> new Person(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Person::id))
                .limit(MAX_LISTED)
                .toList();
        return CompletableFuture.completedFuture(people);
    }
}
