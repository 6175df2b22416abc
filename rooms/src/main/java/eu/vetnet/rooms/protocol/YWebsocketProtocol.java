package eu.vetnet.rooms.protocol;

import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.Lib0Writer;
import eu.vetnet.crdt.protocol.SyncMessage;

/**
 * y-websocket's protocol: one document per socket (named by the URL), frames {@code varUint type, body}:
 * 0 sync, 1 awareness, 2 auth (server to client: 0 permission denied + reason), 3 query awareness.
 * VET-NET adds type 100 (server to client): an update was rejected, body a varString of JSON.
 */
public final class YWebsocketProtocol implements Protocol {

    public static final int SYNC = 0;
    public static final int AWARENESS = 1;
    public static final int AUTH = 2;
    public static final int QUERY_AWARENESS = 3;
    public static final int VETNET_REJECTED = 100;
    /** y-protocols/auth: the only auth message a y-websocket server sends. */
    public static final int AUTH_PERMISSION_DENIED = 0;

    public static final YWebsocketProtocol INSTANCE = new YWebsocketProtocol();

    private YWebsocketProtocol() {
    }

    @Override
    public boolean multiplexed() {
        return false;
    }

    @Override
    public Incoming read(byte[] frame, String document, int maxDocumentNameLength) {
        Lib0Reader r = new Lib0Reader(frame);
        int type = r.readVarUintAsInt();
        Incoming in = switch (type) {
            case SYNC -> new Incoming.Sync(document, SyncMessage.read(r));
            case AWARENESS -> new Incoming.Awareness(document, r.readVarUint8Array());
            case QUERY_AWARENESS -> new Incoming.QueryAwareness(document);
            case AUTH -> {
                r.readVarUint();
                r.readVarString();
                yield new Incoming.Ignored(document, type);
            }
            default -> throw new DecodingException("unknown y-websocket message type " + type);
        };
        if (r.hasContent()) {
            throw new DecodingException(r.remaining() + " bytes after a y-websocket message of type " + type);
        }
        return in;
    }

    @Override
    public byte[] sync(String document, SyncMessage message) {
        Lib0Writer w = new Lib0Writer();
        w.writeVarUint(SYNC);
        message.write(w);
        return w.toByteArray();
    }

    @Override
    public byte[] awareness(String document, byte[] update) {
        Lib0Writer w = new Lib0Writer();
        w.writeVarUint(AWARENESS);
        w.writeVarUint8Array(update);
        return w.toByteArray();
    }

    @Override
    public byte[] authenticated(String document, boolean readOnly) {
        return null;
    }

    @Override
    public byte[] permissionDenied(String document, String reason) {
        Lib0Writer w = new Lib0Writer();
        w.writeVarUint(AUTH);
        w.writeVarUint(AUTH_PERMISSION_DENIED);
        w.writeVarString(reason);
        return w.toByteArray();
    }

    @Override
    public byte[] syncStatus(String document, boolean applied) {
        return null;
    }

    @Override
    public byte[] rejected(String document, String json) {
        Lib0Writer w = new Lib0Writer();
        w.writeVarUint(VETNET_REJECTED);
        w.writeVarString(json);
        return w.toByteArray();
    }
}
