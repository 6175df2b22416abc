package eu.vetnet.rooms.protocol;

import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.Lib0Writer;
import eu.vetnet.crdt.protocol.SyncMessage;

/**
 * Hocuspocus's protocol (@hocuspocus/provider 3.4.4): every frame starts with the document name
 * (varString), then a varUint type: 0 sync, 1 awareness, 2 auth, 3 query awareness, 4 sync reply, 5 stateless,
 * 7 close, 8 sync status. Auth bodies: varUint 0 token + varString; 1 permission denied + reason;
 * 2 authenticated + scope ("readonly" or "read-write"). Sync status is a varInt (1 applied).
 * The provider throws on types it does not know, so the server only sends 0, 1, 2, 5 and 8.
 */
public final class HocuspocusProtocol implements Protocol {

    public static final int SYNC = 0;
    public static final int AWARENESS = 1;
    public static final int AUTH = 2;
    public static final int QUERY_AWARENESS = 3;
    public static final int SYNC_REPLY = 4;
    public static final int STATELESS = 5;
    public static final int BROADCAST_STATELESS = 6;
    public static final int CLOSE = 7;
    public static final int SYNC_STATUS = 8;

    public static final int AUTH_TOKEN = 0;
    public static final int AUTH_PERMISSION_DENIED = 1;
    public static final int AUTH_AUTHENTICATED = 2;

    public static final HocuspocusProtocol INSTANCE = new HocuspocusProtocol();

    private HocuspocusProtocol() {
    }

    @Override
    public boolean multiplexed() {
        return true;
    }

    @Override
    public Incoming read(byte[] frame, String fixedDocument, int maxDocumentNameLength) {
        Lib0Reader r = new Lib0Reader(frame);
        String document = r.readVarString();
        if (document.isEmpty() || document.length() > maxDocumentNameLength) {
            throw new DecodingException("document name of " + document.length() + " characters; 1 to "
                    + maxDocumentNameLength + " allowed");
        }
        int type = r.readVarUintAsInt();
        Incoming in = switch (type) {
            case SYNC, SYNC_REPLY -> new Incoming.Sync(document, SyncMessage.read(r));
            case AWARENESS -> new Incoming.Awareness(document, r.readVarUint8Array());
            case QUERY_AWARENESS -> new Incoming.QueryAwareness(document);
            case AUTH -> {
                int kind = r.readVarUintAsInt();
                if (kind != AUTH_TOKEN) {
                    throw new DecodingException("a client may only send the token auth message, not " + kind);
                }
                yield new Incoming.Auth(document, r.readVarString());
            }
            case STATELESS, BROADCAST_STATELESS -> new Incoming.Stateless(document, r.readVarString());
            case CLOSE -> new Incoming.Close(document);
            case SYNC_STATUS -> {
                r.readVarInt();
                yield new Incoming.Ignored(document, type);
            }
            default -> throw new DecodingException("unknown Hocuspocus message type " + type);
        };
        if (r.hasContent()) {
            throw new DecodingException(r.remaining() + " bytes after a Hocuspocus message of type " + type);
        }
        return in;
    }

    private static Lib0Writer start(String document, int type) {
        Lib0Writer w = new Lib0Writer();
        w.writeVarString(document);
        w.writeVarUint(type);
        return w;
    }

    @Override
    public byte[] sync(String document, SyncMessage message) {
        Lib0Writer w = start(document, SYNC);
        message.write(w);
        return w.toByteArray();
    }

    @Override
    public byte[] awareness(String document, byte[] update) {
        Lib0Writer w = start(document, AWARENESS);
        w.writeVarUint8Array(update);
        return w.toByteArray();
    }

    @Override
    public byte[] authenticated(String document, boolean readOnly) {
        Lib0Writer w = start(document, AUTH);
        w.writeVarUint(AUTH_AUTHENTICATED);
        w.writeVarString(readOnly ? "readonly" : "read-write");
        return w.toByteArray();
    }

    @Override
    public byte[] permissionDenied(String document, String reason) {
        Lib0Writer w = start(document, AUTH);
        w.writeVarUint(AUTH_PERMISSION_DENIED);
        w.writeVarString(reason);
        return w.toByteArray();
    }

    @Override
    public byte[] syncStatus(String document, boolean applied) {
        Lib0Writer w = start(document, SYNC_STATUS);
        // lib0 varInt: for 0 and 1 the same single byte as varUint.
        w.writeVarUint(applied ? 1 : 0);
        return w.toByteArray();
    }

    @Override
    public byte[] rejected(String document, String json) {
        Lib0Writer w = start(document, STATELESS);
        w.writeVarString(json);
        return w.toByteArray();
    }
}
