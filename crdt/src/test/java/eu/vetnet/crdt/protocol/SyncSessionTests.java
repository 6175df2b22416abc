package eu.vetnet.crdt.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.Lib0Writer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncSessionTests {

    private static SyncMessage roundTrip(SyncMessage m) {
        Lib0Writer w = new Lib0Writer();
        m.write(w);
        return SyncMessage.read(new Lib0Reader(w.toByteArray()));
    }

    @Test
    void twoDocumentsConvergeThroughStepOneAndStepTwo() {
        YDoc server = new YDoc(1);
        server.getText("t").insert(0, "server text ");
        YDoc client = new YDoc(2);
        client.getText("t").insert(0, "client text");
        SyncSession session = new SyncSession(server, true);

        // client -> server: step 1; server answers step 2
        SyncSession.Outcome reply = session.handle(roundTrip(new SyncMessage.Step1(client.encodeStateVector())), "c");
        SyncMessage step2 = ((SyncSession.Outcome.Reply) reply).messages().get(0);
        client.applyUpdate(roundTrip(step2).payload());
        // server -> client: step 1; client answers step 2, which the server applies
        SyncMessage serverStep1 = roundTrip(session.start());
        byte[] clientStep2 = client.encodeStateAsUpdate(serverStep1.payload());
        assertInstanceOf(SyncSession.Outcome.Applied.class, session.handle(new SyncMessage.Step2(clientStep2), "c"));

        assertEquals(client.getText("t").toString(), server.getText("t").toString());
        assertEquals(true, session.synced());
    }

    @Test
    void readOnlyPeerIsAnsweredButCannotWrite() {
        YDoc server = new YDoc(1);
        server.getText("t").insert(0, "agenda");
        YDoc client = new YDoc(2);
        client.getText("t").insert(0, "graffiti");
        SyncSession session = new SyncSession(server, false);
        SyncSession.Outcome reply = session.handle(new SyncMessage.Step1(client.encodeStateVector()), "c");
        assertInstanceOf(SyncSession.Outcome.Reply.class, reply);
        SyncSession.Outcome refused = session.handle(new SyncMessage.Update(client.encodeStateAsUpdate()), "c");
        assertInstanceOf(SyncSession.Outcome.Refused.class, refused);
        assertEquals("agenda", server.getText("t").toString());
    }

    @Test
    void unknownMessageTypeIsADecodingError() {
        Lib0Writer w = new Lib0Writer();
        w.writeVarUint(7);
        w.writeVarUint8Array(new byte[] {1});
        assertThrows(DecodingException.class, () -> SyncMessage.read(new Lib0Reader(w.toByteArray())));
    }
}
