package eu.vetnet.crdt.types;

import eu.vetnet.crdt.struct.ContentFormat;
import eu.vetnet.crdt.struct.Item;
import java.util.Map;

/** A cursor between two items of a text, with the formatting attributes in force there. */
final class TextPosition {

    Item left;
    Item right;
    int index;
    final Map<String, Object> currentAttributes;

    TextPosition(Item left, Item right, int index, Map<String, Object> currentAttributes) {
        this.left = left;
        this.right = right;
        this.index = index;
        this.currentAttributes = currentAttributes;
    }

    void forward() {
        if (right == null) {
            throw new IllegalStateException("already at the end of the text");
        }
        if (right.content() instanceof ContentFormat f) {
            if (!right.isDeleted()) {
                updateCurrentAttributes(currentAttributes, f);
            }
        } else if (!right.isDeleted()) {
            index += right.length();
        }
        left = right;
        right = right.right();
    }

    static void updateCurrentAttributes(Map<String, Object> attributes, ContentFormat format) {
        if (format.value() == null) {
            attributes.remove(format.key());
        } else {
            attributes.put(format.key(), format.value());
        }
    }
}
