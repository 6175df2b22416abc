package eu.vetnet.bench.load;

import eu.vetnet.bench.servers.Target;
import eu.vetnet.bench.ws.WsConnection;
import eu.vetnet.bench.ws.WsLoop;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.types.YXmlText;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hostile client in a room of its own (issue 12): it writes one large, valid paragraph into the notes, then sends
 * that same update again and again, {@code inFlight} at a time, each new copy as soon as the server answers one. A
 * known update costs the server a full decode and check each time and changes nothing, so the flooder burns as much
 * server CPU as one socket can. Loop thread only, except {@link #start} and {@link #stop}.
 */
public final class Flooder implements WsConnection.Handler {

    private final String document;
    private final String token;
    private final int inFlight;
    private final YDoc doc = new YDoc(7_777_777);
    private final byte[] update;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();
    private WsConnection connection;
    private boolean stopped;
    /** Copies sent and answers received (loop thread). */
    long sent;
    long answered;
    long bytesSent;
    int closeCode;

    private Flooder(String document, String token, int updateBytes, int inFlight) {
        this.document = document;
        this.token = token;
        this.inFlight = inFlight;
        YXmlText paragraph = new YXmlText();
        byte[][] out = new byte[1][];
        var sub = doc.onUpdate((u, o, t) -> out[0] = u);
        doc.transact(t -> {
            doc.getXmlFragment("default").insert(0, List.of(paragraph));
            paragraph.insert(0, "flood ".repeat(Math.max(1, updateBytes / 6)));
        });
        sub.close();
        this.update = out[0];
    }

    /** Joins a fresh room of {@code target} and starts flooding it. */
    public static Flooder start(WsLoop loop, Target target, int updateBytes, int inFlight) throws Exception {
        String room = target.prepareRoom("flood-" + System.nanoTime(), 1);
        Flooder f = new Flooder(target.documentName(room, "notes"), target.token(0), updateBytes, inFlight);
        loop.call(() -> {
            f.connection = loop.connect(target.socketUri(room), null, f);
            return null;
        }).get();
        f.joined.get(60, TimeUnit.SECONDS);
        return f;
    }

    public int updateBytes() {
        return update.length;
    }

    /** Stops sending; returns {sent, answered, bytes sent, close code} (0: still open). */
    public long[] stop(WsLoop loop) throws Exception {
        return loop.call(() -> {
            stopped = true;
            connection.close();
            return new long[] {sent, answered, bytesSent, closeCode};
        }).get();
    }

    @Override
    public void onOpen(WsConnection c) {
        c.send(Frames.auth(document, token));
        c.send(Frames.sync(document, Frames.STEP1, doc.encodeStateVector()));
    }

    private void sendCopy() {
        if (stopped || !connection.isOpen()) {
            return;
        }
        connection.send(Frames.sync(document, Frames.UPDATE, update));
        sent++;
        bytesSent += update.length;
    }

    @Override
    public void onMessage(WsConnection c, ByteBuffer payload) {
        Lib0Reader in = new Lib0Reader(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
        in.readVarString();
        int type = (int) in.readVarUint();
        if (type == Frames.SYNC || type == Frames.SYNC_REPLY) {
            int step = (int) in.readVarUint();
            if (step == Frames.STEP1) {
                c.send(Frames.sync(document, Frames.STEP2, doc.encodeStateAsUpdate(in.readVarUint8Array())));
            } else if (step == Frames.STEP2 && !joined.isDone()) {
                joined.complete(null);
                for (int i = 0; i < inFlight; i++) {
                    sendCopy();
                }
            }
        } else if (type == Frames.SYNC_STATUS) {
            answered++;
            sendCopy();
        }
    }

    @Override
    public void onClose(WsConnection c, int code, String reason) {
        closeCode = code;
        joined.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
    }
}
