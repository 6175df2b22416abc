package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.DecodedUpdate;
import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.store.StructList;
import eu.vetnet.crdt.store.StructStore;
import java.util.List;
import java.util.Map;

/**
 * Whether an update would change a document at all, judged by what the engine would do with it, not by its size.
 * A client that already has everything still answers the server's sync step 1 with an update: Yjs puts the whole
 * delete set in it, so after any deletion it is never empty. From a read-only session (an observer reopening a
 * room from this device's copy) such an update is no write and must not be refused as one (docs/rooms.md,
 * "Roles and permissions").
 */
public final class NoChange {

    private NoChange() {
    }

    /**
     * True when every struct of {@code update} is one {@code doc} has and every deletion one it has made already.
     * Looked up in the document's struct lists (a binary search and the structs of each range), not by rebuilding its
     * whole delete set: a reader may send this on every message, and a large room must not pay for it each time.
     */
    public static boolean changesNothing(YDoc doc, DecodedUpdate update) {
        StructStore store = doc.store();
        for (DecodedUpdate.Group g : update.groups()) {
            if (g.endClock() > store.getState(g.client())) {
                return false;
            }
        }
        for (Map.Entry<Long, List<DeleteSet.Range>> e : update.deletions().clients().entrySet()) {
            for (DeleteSet.Range r : e.getValue()) {
                if (!alreadyDeleted(store, e.getKey(), r)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean alreadyDeleted(StructStore store, long client, DeleteSet.Range range) {
        if (range.len() <= 0) {
            return true;
        }
        if (range.end() > store.getState(client)) {
            return false;
        }
        StructList structs = store.clients().get(client);
        for (int i = structs.findIndex(range.clock()); i < structs.size() && structs.get(i).clock() < range.end(); i++) {
            if (!structs.get(i).isDeleted()) {
                return false;
            }
        }
        return true;
    }
}
