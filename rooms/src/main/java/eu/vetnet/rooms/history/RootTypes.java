package eu.vetnet.rooms.history;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.struct.ContentEmbed;
import eu.vetnet.crdt.struct.ContentFormat;
import eu.vetnet.crdt.struct.ContentString;
import eu.vetnet.crdt.struct.ContentType;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.types.YType;
import eu.vetnet.crdt.types.YUntypedRoot;
import eu.vetnet.crdt.types.YXmlElement;
import eu.vetnet.crdt.types.YXmlText;
import java.util.ArrayList;
import java.util.Map;

/**
 * A document rebuilt from stored updates knows its roots by name only (the update format does not say whether
 * a root is a text, an array, a map or an XML fragment: clients decide by the accessor they call). For replay,
 * each untyped root gets the kind its content shows: keyed entries make a map, characters, formats or embeds a
 * text, XML elements a fragment, anything else an array.
 */
final class RootTypes {

    private RootTypes() {
    }

    static void typeRoots(YDoc doc) {
        for (Map.Entry<String, YType> root : new ArrayList<>(doc.share().entrySet())) {
            if (!(root.getValue() instanceof YUntypedRoot untyped)) {
                continue;
            }
            String name = root.getKey();
            if (untyped.start() == null && !untyped.itemMap().isEmpty()) {
                doc.getMap(name);
                continue;
            }
            boolean text = false;
            boolean xml = false;
            for (Item i = untyped.start(); i != null; i = i.right()) {
                if (i.content() instanceof ContentString || i.content() instanceof ContentFormat || i.content() instanceof ContentEmbed) {
                    text = true;
                } else if (i.content() instanceof ContentType t && (t.type() instanceof YXmlElement || t.type() instanceof YXmlText)) {
                    xml = true;
                }
            }
            if (text) {
                doc.getText(name);
            } else if (xml) {
                doc.getXmlFragment(name);
            } else {
                doc.getArray(name);
            }
        }
    }
}
