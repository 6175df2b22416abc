package eu.vetnet.rooms.people;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The names directory of a room: every person who has joined it, by user id, with the display name of their latest
 * join. Authors are stored by id in the shared types (owners, votes, questions); this is how a client shows their
 * names while they are offline or long gone (docs/rooms.md, "People of a room"). Stored with the history (Cassandra)
 * or in memory, chosen by {@code vetnet.history.store} as the rest of the storage.
 */
public interface RoomPeople {

    /** At most this many people are listed for a room (the most a directory answer carries). */
    int MAX_LISTED = 5_000;

    /** One person of a room: the token's subject and display name (its username when the token has no name). */
    record Person(String id, String name) {
    }

    /** Records (or renames) a person of a room. */
    CompletionStage<Void> remember(String room, Person person);

    /** The people of a room, by id, at most {@link #MAX_LISTED}. */
    CompletionStage<List<Person>> list(String room);

    /** The names of those of {@code ids} who joined the room (a few ids: the people who run it), by id. */
    CompletionStage<Map<String, String>> names(String room, Collection<String> ids);
}
