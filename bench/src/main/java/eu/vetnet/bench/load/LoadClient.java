package eu.vetnet.bench.load;

import eu.vetnet.bench.ws.WsConnection;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.types.YXmlText;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One simulated browser: joins one document over the Hocuspocus protocol as @hocuspocus/provider does (auth,
 * sync step 1, answer the server's step 1), then types "ab" at the end of its own paragraph of the Tiptap
 * XmlFragment when told to. Its updates are real Yjs updates made by our engine, applied and checked by the
 * server like a browser's. Loop thread only.
 */
final class LoadClient implements WsConnection.Handler {

    private static final int RING = 1 << 14;

    private final String document;
    private final String token;
    private final Recorder recorder;
    private final YDoc doc;
    private final YXmlText paragraph;
    private final long[] sentAt = new long[RING];
    private final long[] sentClock = new long[RING];
    private byte[] lastUpdate;
    final CompletableFuture<Void> joined = new CompletableFuture<>();
    WsConnection connection;
    long openedAt;
    long joinedAt;
    long acks;
    int closeCode;

    /** A typist: owns a paragraph of the notes' XmlFragment and types into it. */
    LoadClient(String document, String token, long clientId, Recorder recorder) {
        this(document, token, clientId, recorder, true);
    }

    /** {@code typist} false: a reader with an empty document (a joiner that only syncs). */
    LoadClient(String document, String token, long clientId, Recorder recorder, boolean typist) {
        this.document = document;
        this.token = token;
        this.recorder = recorder;
        this.doc = new YDoc(clientId);
        doc.onUpdate((update, origin, txn) -> lastUpdate = update);
        if (typist) {
            paragraph = new YXmlText();
            doc.getXmlFragment("default").insert(0, List.of(paragraph));
        } else {
            paragraph = null;
        }
    }

    long clientId() {
        return doc.clientId();
    }

    /** When the update starting at {@code clock} was sent: nanoTime if measured, -1 if sent unmeasured, 0 if not an update start. */
    long sentAt(long clock) {
        int i = (int) (clock & (RING - 1));
        return sentClock[i] == clock ? sentAt[i] : 0;
    }

    @Override
    public void onOpen(WsConnection c) {
        openedAt = System.nanoTime();
        c.send(Frames.auth(document, token));
        c.send(Frames.sync(document, Frames.STEP1, doc.encodeStateVector()));
    }

    /** Types two characters and sends the update; {@code measured} marks it for the latency table. */
    void type(boolean measured) {
        lastUpdate = null;
        paragraph.insert(paragraph.length(), "ab");
        send(lastUpdate, measured);
    }

    /** Sends the paragraph itself and what it holds (the client's first, unmeasured update). */
    void sendState() {
        send(doc.encodeStateAsUpdate(), false);
    }

    /** Sends any update of this client's document (the B4 paper). */
    void sendRaw(byte[] update) {
        connection.send(Frames.sync(document, Frames.UPDATE, update));
    }

    private void send(byte[] update, boolean measured) {
        if (connection == null || !connection.isOpen()) {
            return;
        }
        long now = System.nanoTime();
        UpdateIds.walk(new Lib0Reader(update), (client, clock, length) -> {
            int i = (int) (clock & (RING - 1));
            sentClock[i] = clock;
            sentAt[i] = measured ? now : -1;
        });
        connection.send(Frames.sync(document, Frames.UPDATE, update));
    }

    @Override
    public void onMessage(WsConnection c, ByteBuffer payload) {
        long now = System.nanoTime();
        // Frames arrive in the loop's heap buffer: read them in place, no copy per delivery.
        Lib0Reader in = new Lib0Reader(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
        in.readVarString();
        int type = (int) in.readVarUint();
        switch (type) {
            case Frames.SYNC, Frames.SYNC_REPLY -> {
                int step = (int) in.readVarUint();
                if (step == Frames.STEP1) {
                    c.send(Frames.sync(document, Frames.STEP2, doc.encodeStateAsUpdate(in.readVarUint8Array())));
                    return;
                }
                in.readVarUint(); // length of the update
                if (step == Frames.STEP2 && !joined.isDone()) {
                    joinedAt = now;
                    joined.complete(null);
                }
                UpdateIds.walk(in, (client, clock, length) -> recorder.received(this, client, clock, length, now));
            }
            case Frames.AUTH -> {
                if (in.readVarUint() == Frames.AUTH_PERMISSION_DENIED) {
                    joined.completeExceptionally(new IllegalStateException("permission denied: " + in.readVarString()));
                }
            }
            case Frames.SYNC_STATUS -> {
                if (in.readVarInt() == 1) {
                    acks++;
                } else {
                    recorder.refused++;
                }
            }
            case Frames.STATELESS -> {
                String text = in.readVarString();
                if (recorder.firstRefusal == null) {
                    recorder.firstRefusal = text;
                }
            }
            default -> {
                // awareness and anything else: not part of the measure
            }
        }
    }

    @Override
    public void onClose(WsConnection c, int code, String reason) {
        closeCode = code;
        joined.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
    }
}
