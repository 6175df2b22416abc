package eu.vetnet.rooms.presence;

import eu.vetnet.rooms.room.AccessList;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The room store, telling the other room servers (a hint, over pub/sub) when a room was archived or people were
 * taken off its access list: they may close those sockets at once instead of at the next join.
 */
final class NoticingRoomStore implements RoomStore {

    private final RoomStore store;
    private final Notices notices;
    private final String node;

    NoticingRoomStore(RoomStore store, Notices notices, String node) {
        this.store = store;
        this.notices = notices;
        this.node = node;
    }

    @Override
    public CompletionStage<RoomRecord> find(String id) {
        return store.find(id);
    }

    @Override
    public CompletionStage<List<RoomRecord>> list() {
        return store.list();
    }

    @Override
    public CompletionStage<RoomRecord> save(RoomRecord room) {
        return store.find(room.id()).thenCompose(before -> store.save(room).thenApply(saved -> {
            if (before != null) {
                if (!before.archived() && saved.archived()) {
                    notices.publish(new Notices.Notice(Notices.Notice.ROOM_ARCHIVED, saved.id(), null, node)).subscribe();
                }
                Set<String> removed = names(before.access());
                removed.removeAll(names(saved.access()));
                for (String user : removed) {
                    notices.publish(new Notices.Notice(Notices.Notice.USER_REMOVED, saved.id(), user, node)).subscribe();
                }
            }
            return saved;
        }));
    }

    private static Set<String> names(AccessList a) {
        Set<String> out = new HashSet<>();
        if (a == null) {
            return out;
        }
        if (a.owner() != null) {
            out.add(a.owner());
        }
        out.addAll(a.facilitators());
        out.addAll(a.participants());
        out.addAll(a.observers());
        return out;
    }
}
