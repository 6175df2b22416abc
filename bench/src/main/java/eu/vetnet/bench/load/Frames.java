package eu.vetnet.bench.load;

import eu.vetnet.crdt.encoding.Lib0Writer;

/** The Hocuspocus messages the load sends: document name, message type, body (as @hocuspocus/provider writes them). */
final class Frames {

    static final int SYNC = 0;
    static final int AWARENESS = 1;
    static final int AUTH = 2;
    static final int SYNC_REPLY = 4;
    static final int STATELESS = 5;
    static final int CLOSE = 7;
    static final int SYNC_STATUS = 8;

    static final int STEP1 = 0;
    static final int STEP2 = 1;
    static final int UPDATE = 2;

    static final int AUTH_PERMISSION_DENIED = 1;
    static final int AUTH_AUTHENTICATED = 2;

    private Frames() {
    }

    static byte[] auth(String document, String token) {
        Lib0Writer w = start(document, AUTH);
        w.writeVarUint(0);
        w.writeVarString(token);
        return w.toByteArray();
    }

    static byte[] sync(String document, int step, byte[] body) {
        Lib0Writer w = start(document, SYNC);
        w.writeVarUint(step);
        w.writeVarUint8Array(body);
        return w.toByteArray();
    }

    private static Lib0Writer start(String document, int type) {
        Lib0Writer w = new Lib0Writer(64);
        w.writeVarString(document);
        w.writeVarUint(type);
        return w;
    }
}
