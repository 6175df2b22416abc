package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.Lib0Writer;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.rooms.core.ClientConnection;
import eu.vetnet.rooms.protocol.HocuspocusProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * One person writing one document of a room over the Hocuspocus protocol, as the app's provider does: an auth
 * message, then updates, each answered by exactly one sync status (applied or not), after a rejection notice or a
 * permission denial when there is one. The Yjs client id moves to a fresh one on every (re)join, as the rejection
 * contract asks; {@link #clients} keeps every id this person's accepted updates wrote with.
 */
final class Person {

    /** What the server did with one update. */
    enum Result { APPLIED, REJECTED, READ_ONLY, DROPPED, CLOSED, STALLED, NOT_JOINED }

    record Outcome(Result result, String detail) {
        boolean applied() {
            return result == Result.APPLIED;
        }
    }

    final String user;
    final String token;
    final String roomId;
    final String document;
    private final PolicyRoom room;
    private final IdSource ids;
    private SignalSocket socket;
    private ClientConnection connection;
    private boolean joined;
    boolean readOnly;
    long clientId;
    /** Client ids this person wrote with (an update of theirs under it was applied). */
    final List<Long> clients = new ArrayList<>();

    /** Hands out client ids; the generator's random stream, so a case replays with the same ids. */
    interface IdSource {
        long next();
    }

    Person(PolicyRoom room, String roomId, String document, String user, String token, IdSource ids) {
        this.room = room;
        this.roomId = roomId;
        this.document = document;
        this.user = user;
        this.token = token;
        this.ids = ids;
    }

    /** Opens the document (a new socket when the last one closed); false when the server refused it. */
    boolean join() {
        if (socket == null || socket.closeCode() != null) {
            socket = new SignalSocket();
            connection = room.server.connect(socket, HocuspocusProtocol.INSTANCE, roomId, null, token);
        }
        clientId = ids.next();
        int from = socket.size();
        Lib0Writer w = new Lib0Writer();
        w.writeVarString(document);
        w.writeVarUint(HocuspocusProtocol.AUTH);
        w.writeVarUint(HocuspocusProtocol.AUTH_TOKEN);
        w.writeVarString(token);
        connection.receive(w.toByteArray());
        if (!socket.await(from, frames -> frames.stream().anyMatch(f -> type(f) == HocuspocusProtocol.AUTH), PolicyRoom.WAIT)) {
            throw new PolicyRoom.Stalled(user + " joining " + document + ": no answer to the auth message");
        }
        joined = false;
        for (byte[] f : socket.framesFrom(from)) {
            if (type(f) == HocuspocusProtocol.AUTH) {
                Lib0Reader r = body(f);
                int kind = r.readVarUintAsInt();
                joined = kind == HocuspocusProtocol.AUTH_AUTHENTICATED;
                readOnly = joined && "readonly".equals(r.readVarString());
            }
        }
        return joined;
    }

    /** Sends one update (as an update message, or as sync step 2) and waits for the server's answer to it. */
    Outcome send(byte[] update, boolean asStep2) {
        if (!joined || socket.closeCode() != null) {
            return new Outcome(Result.NOT_JOINED, "not joined");
        }
        int from = socket.size();
        SyncMessage m = asStep2 ? new SyncMessage.Step2(update) : new SyncMessage.Update(update);
        connection.receive(HocuspocusProtocol.INSTANCE.sync(document, m));
        boolean answered = socket.await(from, frames -> frames.stream().anyMatch(f -> type(f) == HocuspocusProtocol.SYNC_STATUS),
                PolicyRoom.WAIT);
        String notice = null;
        boolean denied = false;
        Boolean status = null;
        for (byte[] f : socket.framesFrom(from)) {
            int t = type(f);
            if (t == HocuspocusProtocol.STATELESS) {
                notice = body(f).readVarString();
            } else if (t == HocuspocusProtocol.AUTH && body(f).readVarUintAsInt() == HocuspocusProtocol.AUTH_PERMISSION_DENIED) {
                denied = true;
            } else if (t == HocuspocusProtocol.SYNC_STATUS && status == null) {
                status = body(f).readVarUintAsInt() == 1;
            }
        }
        if (status == null && socket.closeCode() != null) {
            joined = false;
            return new Outcome(Result.CLOSED, socket.closeCode() + " " + socket.closeReason());
        }
        if (!answered || status == null) {
            return new Outcome(Result.STALLED, "no sync status within " + PolicyRoom.WAIT);
        }
        if (status) {
            if (!clients.contains(clientId)) {
                clients.add(clientId);
            }
            return new Outcome(Result.APPLIED, null);
        }
        if (notice != null) {
            return new Outcome(Result.REJECTED, notice);
        }
        return new Outcome(denied ? Result.READ_ONLY : Result.DROPPED, null);
    }

    /** The transport closed (the end of a case, or everyone leaving so the room unloads); the next join reconnects. */
    void leave() {
        if (connection != null) {
            connection.closed();
        }
        socket = null;
        joined = false;
    }

    private static int type(byte[] frame) {
        Lib0Reader r = new Lib0Reader(frame);
        r.readVarString();
        return r.readVarUintAsInt();
    }

    private static Lib0Reader body(byte[] frame) {
        Lib0Reader r = new Lib0Reader(frame);
        r.readVarString();
        r.readVarUintAsInt();
        return r;
    }
}
