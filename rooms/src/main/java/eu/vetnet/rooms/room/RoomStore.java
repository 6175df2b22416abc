package eu.vetnet.rooms.room;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Where rooms are kept. In memory for now; the history issue adds Cassandra. Implementations never block. */
public interface RoomStore {

    /** The room, or a stage completing with null. */
    CompletionStage<RoomRecord> find(String id);

    /** Every room, archived ones included, oldest first. */
    CompletionStage<List<RoomRecord>> list();

    /** Inserts or replaces the room. */
    CompletionStage<RoomRecord> save(RoomRecord room);
}
