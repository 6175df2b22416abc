package eu.vetnet.rooms.breakouts;

import eu.vetnet.crdt.types.YArray;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import eu.vetnet.crdt.types.YType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copies board objects from one document to another with the server's engine (docs/dialogue.md, "Breakouts"): every
 * key, nested maps (votes) and texts included, as plain content of the target document. A new type is put in its
 * place first and filled after, so that nothing is read from a type that is not in a document yet.
 */
public final class BoardCopy {

    private BoardCopy() {
    }

    /** Writes a copy of {@code source} as {@code objects/id}, replacing what was there, with {@code extra} keys set. */
    public static void put(YMap objects, String id, YMap source, Map<String, Object> extra) {
        YMap copy = new YMap();
        objects.set(id, copy);
        fill(copy, source);
        extra.forEach(copy::set);
    }

    private static void fill(YMap target, YMap source) {
        source.entries().forEach((key, value) -> {
            if (value instanceof YMap map) {
                YMap copy = new YMap();
                target.set(key, copy);
                fill(copy, map);
            } else if (value instanceof YText text) {
                YText copy = new YText();
                target.set(key, copy);
                copy.insert(0, text.toString());
            } else if (value instanceof YArray array) {
                YArray copy = new YArray();
                target.set(key, copy);
                List<Object> plain = new ArrayList<>();
                array.toList().forEach(v -> {
                    if (!(v instanceof YType)) {
                        plain.add(v);
                    }
                });
                copy.push(plain);
            } else if (!(value instanceof YType)) {
                target.set(key, value);
            }
        });
    }

    static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }
}
