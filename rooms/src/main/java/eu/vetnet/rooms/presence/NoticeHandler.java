package eu.vetnet.rooms.presence;

import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.room.RoomAccessHook;
import eu.vetnet.rooms.room.RoomStore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on another server's notice about a room open here: when someone was removed from its access list or it
 * was archived, its sessions are checked again against the stored room (the core closes those that lost access,
 * 4403). A missed notice only delays this to the next join, where access is checked anyway.
 */
final class NoticeHandler implements Consumer<Notices.Notice> {

    private static final Logger log = LoggerFactory.getLogger(NoticeHandler.class);

    private final String node;
    private final Supplier<RoomServer> server;
    private final Supplier<RoomStore> rooms;

    NoticeHandler(String node, Supplier<RoomServer> server, Supplier<RoomStore> rooms) {
        this.node = node;
        this.server = server;
        this.rooms = rooms;
    }

    @Override
    public void accept(Notices.Notice n) {
        log.info("notice from {}: {} room {}{}", n.node(), n.type(), n.roomId(), n.userId() == null ? "" : " user " + n.userId());
        if (node.equals(n.node()) || n.roomId() == null) {
            return;
        }
        boolean accessChanged = Notices.Notice.USER_REMOVED.equals(n.type()) || Notices.Notice.ROOM_ARCHIVED.equals(n.type());
        RoomServer s = server.get();
        if (!accessChanged || s == null || s.openRoom(n.roomId()) == null) {
            return;
        }
        rooms.get().find(n.roomId()).thenCompose(room -> room == null ? java.util.concurrent.CompletableFuture.completedFuture(null)
                        : s.reauthorize(room.id(), (user, document) -> RoomAccessHook.roleFor(room, user, document)))
                .whenComplete((v, e) -> {
                    if (e != null) {
                        log.warn("could not re-check room {} after a notice: {}", n.roomId(), e.toString());
                    }
                });
    }
}
