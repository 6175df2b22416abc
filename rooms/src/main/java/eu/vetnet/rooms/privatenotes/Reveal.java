package eu.vetnet.rooms.privatenotes;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reveal, as the server's engine does it inside one server edit (docs/dialogue.md, "Private ideation"): every
 * note of every private document is copied onto the board, each person's in a column right of what the board holds,
 * under its author's name or, when anonymous, under nobody's (only facilitators may then change it); the private
 * documents are emptied in the same edit, so a note is never in both places.
 */
final class Reveal {

    static final String ANONYMOUS = eu.vetnet.rooms.policy.Policies.ANONYMOUS_OWNER;
    /** What is copied: notes, texts and shapes; connectors and drawings join objects that stay behind. */
    private static final List<String> COPIED = List.of("note", "text", "rect", "ellipse", "frame", "image");
    private static final int GAP = 24;

    private Reveal() {
    }

    /** Copies the notes of {@code privateDocs} onto {@code board}; returns how many were revealed. */
    static int reveal(YDoc board, List<YDoc> privateDocs, boolean anonymous) {
        YMap objects = board.getMap("objects");
        double right = 0;
        for (Object o : objects.entries().values()) {
            if (o instanceof YMap m) {
                right = Math.max(right, number(m.get("x")) + number(m.get("w")));
            }
        }
        double x = right + 4 * GAP;
        int revealed = 0;
        for (YDoc own : privateDocs) {
            YMap mine = own.getMap("objects");
            // A stable order: by id (ids start with the author's clock, so roughly the order they were written).
            Map<String, YMap> notes = new TreeMap<>();
            mine.entries().forEach((id, v) -> {
                if (v instanceof YMap m && COPIED.contains(String.valueOf(m.get("type")))) {
                    notes.put(id, m);
                }
            });
            double y = 0;
            double widest = 0;
            for (Map.Entry<String, YMap> e : notes.entrySet()) {
                if (objects.get(e.getKey()) != null) {
                    continue; // revealed before (an id is never reused)
                }
                YMap copy = copy(e.getValue(), anonymous);
                copy.set("x", x);
                copy.set("y", y);
                objects.set(e.getKey(), copy);
                fillText(copy, e.getValue());
                y += number(e.getValue().get("h")) + GAP;
                widest = Math.max(widest, number(e.getValue().get("w")));
                revealed++;
            }
            for (String id : new ArrayList<>(mine.keys())) {
                mine.delete(id);
            }
            if (!notes.isEmpty()) {
                x += widest + 2 * GAP;
            }
        }
        return revealed;
    }

    /**
     * Everything of a note but its text (added once the copy is on the board, where a text can be filled), votes,
     * position and lock. A new map is only written to, never read, until it is on the board.
     */
    private static YMap copy(YMap note, boolean anonymous) {
        YMap copy = new YMap();
        note.entries().forEach((key, value) -> {
            boolean skipped = switch (key) {
                case "text", "votes", "x", "y", "locked", "owner" -> true;
                default -> value instanceof YMap || value instanceof YText;
            };
            if (!skipped) {
                copy.set(key, value);
            }
        });
        Object owner = note.get("owner");
        copy.set("owner", anonymous || !(owner instanceof String) ? ANONYMOUS : owner);
        copy.set("votes", new YMap());
        return copy;
    }

    private static void fillText(YMap copy, YMap note) {
        Object text = note.get("text");
        if (text instanceof YText t) {
            YText fresh = new YText();
            copy.set("text", fresh);
            fresh.insert(0, t.toString());
        } else if (text instanceof String s) {
            copy.set("text", s);
        }
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }
}
