package eu.vetnet.crdt.protocol;

import eu.vetnet.crdt.YDoc;
import java.util.List;

/**
 * One peer's sync with one document, as the server side of y-protocols drives it: answer step 1 with
 * step 2, apply step 2 and updates, and tell the caller what to send and broadcast. A read-only peer still
 * gets its step 1 answered; its step 2 and updates are refused, not applied.
 */
public final class SyncSession {

    /** What handling one message produced. */
    public sealed interface Outcome {
        /** Send these messages back to the peer. */
        record Reply(List<SyncMessage> messages) implements Outcome {
        }

        /** The update was applied (it may have been empty or already known). */
        record Applied(byte[] update) implements Outcome {
        }

        /** The peer may not write: nothing was applied. */
        record Refused(String reason) implements Outcome {
        }
    }

    private final YDoc doc;
    private final boolean writable;
    private boolean receivedStep2;

    public SyncSession(YDoc doc, boolean writable) {
        this.doc = doc;
        this.writable = writable;
    }

    /** The first message the server sends a new peer: its own step 1, so the peer sends what it has. */
    public SyncMessage start() {
        return new SyncMessage.Step1(doc.encodeStateVector());
    }

    public boolean synced() {
        return receivedStep2;
    }

    /** Handles one message; {@code origin} marks the transaction (so the caller's broadcast skips the sender). */
    public Outcome handle(SyncMessage message, Object origin) {
        if (message instanceof SyncMessage.Step1 step1) {
            return new Outcome.Reply(List.of(new SyncMessage.Step2(doc.encodeStateAsUpdate(step1.stateVector()))));
        }
        if (message instanceof SyncMessage.Step2) {
            receivedStep2 = true;
        }
        if (!writable) {
            return new Outcome.Refused("read-only: this connection may not change the document");
        }
        doc.applyUpdate(message.payload(), origin);
        return new Outcome.Applied(message.payload());
    }
}
