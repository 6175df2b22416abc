package eu.vetnet.rooms.hook;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.DecodedUpdate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A document is opened: hooks apply what they stored into {@code document}, off the lane (nobody sees the document
 * until the load completed), and rebuild who owns which Yjs client id in it ({@code clientOwners}: client id -> user
 * id; docs/rooms.md, "What the server checks"). The core hands the owners to the document's client-id rules.
 *
 * @param clientOwners filled by the hooks: the owners stored with a snapshot, then those {@link #applyStored} finds
 */
public record LoadPayload(String roomId, String documentName, YDoc document, Map<Long, String> clientOwners) {

    public LoadPayload(String roomId, String documentName, YDoc document) {
        this(roomId, documentName, document, new ConcurrentHashMap<>());
    }

    /**
     * Applies one stored update in log order, and gives its author the client ids it extends (its groups reach past
     * the document's clock for them) that nobody owns yet: the rule the room applied when the update was first applied
     * ({@code DecodedUpdate.clientsExtending}, a client id belongs to the person who first wrote new clocks with it). {@code authorId}
     * null (the server, or unknown) claims nothing.
     */
    public void applyStored(byte[] update, String authorId, Object origin) {
        if (authorId != null) {
            for (long client : DecodedUpdate.of(update).clientsExtending(document)) {
                clientOwners.putIfAbsent(client, authorId);
            }
        }
        document.applyUpdate(update, origin);
    }
}
