package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.DecodedUpdate;
import eu.vetnet.crdt.store.DeleteSet;
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

    /** True when every struct of {@code update} is one {@code doc} has and every deletion one it has made already. */
    public static boolean changesNothing(YDoc doc, DecodedUpdate update) {
        for (DecodedUpdate.Group g : update.groups()) {
            if (g.endClock() > doc.store().getState(g.client())) {
                return false;
            }
        }
        if (update.deletions().isEmpty()) {
            return true;
        }
        Map<Long, List<DeleteSet.Range>> deleted = DeleteSet.fromStore(doc.store()).clients();
        for (Map.Entry<Long, List<DeleteSet.Range>> e : update.deletions().clients().entrySet()) {
            List<DeleteSet.Range> have = deleted.get(e.getKey());
            for (DeleteSet.Range r : e.getValue()) {
                int at = have == null ? -1 : DeleteSet.findIndex(have, r.clock());
                if (at < 0 || have.get(at).end() < r.end()) {
                    return false;
                }
            }
        }
        return true;
    }
}
