package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A client's copy of a server document: edits on it produce the update bytes a real client would send. */
final class Replica {

    final YDoc doc;

    Replica(YDoc server, long clientId) {
        doc = new YDoc(clientId);
        doc.applyUpdate(server.encodeStateAsUpdate());
    }

    /** The update one transaction of {@code edit} produces. */
    byte[] edit(Consumer<YDoc> edit) {
        List<byte[]> out = new ArrayList<>();
        var sub = doc.onUpdate((update, origin, txn) -> out.add(update));
        doc.transact(t -> edit.accept(doc));
        sub.close();
        if (out.size() != 1) {
            throw new AssertionError("expected one update, got " + out.size());
        }
        return out.get(0);
    }
}
