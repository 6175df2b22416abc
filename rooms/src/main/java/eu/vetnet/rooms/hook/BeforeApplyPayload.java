package eu.vetnet.rooms.hook;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.DecodedUpdate;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * An update a person sent, before it is applied: read-only for hooks, on the room's lane.
 *
 * @param document the document as it is now (read it, never change it)
 * @param update the update, decoded once for every hook that reads it
 * @param clientOwner the user id a Yjs client id belongs to in this document, or null (docs/rooms.md,
 *     "What the server checks")
 * @param roomDocuments another document of the same room by name, as it is now, or null when it is not open (the
 *     documents a policy {@code reads()} are opened before anyone writes)
 */
public record BeforeApplyPayload(String roomId, String documentName, YDoc document, DecodedUpdate update, RoomUser user,
        RoomRole role, LongFunction<String> clientOwner, Function<String, YDoc> roomDocuments) {
}
