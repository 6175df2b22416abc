package eu.vetnet.crdt.differential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Lib0Writer;
import eu.vetnet.crdt.encoding.UpdateEncoderV1;
import eu.vetnet.crdt.oracle.Engine;
import eu.vetnet.crdt.oracle.NodeOracle;
import eu.vetnet.crdt.struct.ContentFormat;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.ParentRef;
import eu.vetnet.crdt.types.YXmlElement;
import eu.vetnet.crdt.types.YXmlText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A remote formatting mark in a text makes Yjs clean up redundant marks in every type a mark of the same transaction
 * reached, a text or not (an XML element's own list, here). The engine must end with the same items, byte for byte.
 */
class FormattingCleanupDifferentialTests {

    @Test
    void redundantMarksOutsideATextAreCleanedUpAsInYjs() {
        long client = 11;
        YDoc writer = new YDoc(client);
        writer.transact(t -> {
            YXmlElement paragraph = new YXmlElement("paragraph");
            writer.getXmlFragment("default").push(List.of(paragraph));
            YXmlText text = new YXmlText();
            paragraph.insert(0, List.of(text));
            text.insert(0, "hello");
        });
        byte[] base = writer.encodeStateAsUpdate();
        long next = writer.store().getState(client);
        // Bold on at the start of the text (clock 1 holds the text), bold off first in the element's list (clock 0).
        Item on = new Item(new Id(client, next), null, null, null, null, null, new ParentRef.ById(new Id(client, 1)), null,
                new ContentFormat("bold", true));
        Item off = new Item(new Id(client, next + 1), null, null, null, null, null, new ParentRef.ById(new Id(client, 0)),
                null, new ContentFormat("bold", null));
        UpdateEncoderV1 e = new UpdateEncoderV1();
        Lib0Writer w = e.rest();
        w.writeVarUint(1);
        w.writeVarUint(2);
        e.writeClient(client);
        w.writeVarUint(next);
        on.write(e, 0);
        off.write(e, 0);
        w.writeVarUint(0);
        byte[] marks = e.rest().toByteArray();

        YDoc ours = new YDoc(99);
        ours.applyUpdate(base);
        ours.applyUpdate(marks);
        try (NodeOracle yjs = NodeOracle.start(Engine.YJS)) {
            yjs.newDoc("d", 99, true);
            yjs.apply("d", base);
            yjs.apply("d", marks);
            assertArrayEquals(yjs.encodeState("d"), ours.encodeStateAsUpdate(), "the same items as yjs, byte for byte");
        }
    }
}
