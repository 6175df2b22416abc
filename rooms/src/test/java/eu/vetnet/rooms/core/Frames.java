package eu.vetnet.rooms.core;

import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.Lib0Writer;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.rooms.protocol.HocuspocusProtocol;
import eu.vetnet.rooms.protocol.YWebsocketProtocol;

/** Builds client frames and reads server frames, for tests. */
final class Frames {

    private Frames() {
    }

    static byte[] yws(SyncMessage m) {
        return YWebsocketProtocol.INSTANCE.sync(null, m);
    }

    static byte[] ywsAwareness(byte[] update) {
        return YWebsocketProtocol.INSTANCE.awareness(null, update);
    }

    static byte[] hp(String doc, SyncMessage m) {
        return HocuspocusProtocol.INSTANCE.sync(doc, m);
    }

    static byte[] hpAuth(String doc, String token) {
        Lib0Writer w = new Lib0Writer();
        w.writeVarString(doc);
        w.writeVarUint(HocuspocusProtocol.AUTH);
        w.writeVarUint(HocuspocusProtocol.AUTH_TOKEN);
        w.writeVarString(token);
        return w.toByteArray();
    }

    /** A decoded server frame: document (null on y-websocket), outer type, and a reader at the body. */
    record Seen(String doc, int type, Lib0Reader body) {
        SyncMessage sync() {
            return SyncMessage.read(body);
        }

        String string() {
            return body.readVarString();
        }
    }

    static Seen readYws(byte[] frame) {
        Lib0Reader r = new Lib0Reader(frame);
        return new Seen(null, r.readVarUintAsInt(), r);
    }

    static Seen readHp(byte[] frame) {
        Lib0Reader r = new Lib0Reader(frame);
        String doc = r.readVarString();
        return new Seen(doc, r.readVarUintAsInt(), r);
    }
}
