package eu.vetnet.rooms.breakouts;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The board side of breakouts (docs/dialogue.md, "Breakouts"), on documents the server's engine holds: a group's
 * room starts with a frame of the plenary board and everything inside it; at the end the group's board goes back
 * into that frame, each object marked with the group it came from.
 */
final class Breakouts {

    /** The key that says which group an object came back from. */
    static final String FROM_GROUP = "breakout";

    private Breakouts() {
    }

    /** The frame {@code frameId} of a board, or null when the board has no frame of that id. */
    static YMap frame(YDoc board, String frameId) {
        return board.getMap("objects").get(frameId) instanceof YMap m && "frame".equals(m.get("type")) ? m : null;
    }

    /**
     * The ids of the frame and of the objects inside it (their top left corner within the frame; a connector when
     * both its ends are), in board order.
     */
    static List<String> inside(YDoc board, String frameId) {
        YMap frame = frame(board, frameId);
        if (frame == null) {
            throw new IllegalArgumentException("the board has no frame " + frameId);
        }
        double fx = BoardCopy.number(frame.get("x"));
        double fy = BoardCopy.number(frame.get("y"));
        double fw = BoardCopy.number(frame.get("w"));
        double fh = BoardCopy.number(frame.get("h"));
        Set<String> ids = new LinkedHashSet<>();
        ids.add(frameId);
        Map<String, Object> all = board.getMap("objects").entries();
        all.forEach((id, v) -> {
            if (v instanceof YMap m && !"connector".equals(m.get("type"))) {
                double x = BoardCopy.number(m.get("x"));
                double y = BoardCopy.number(m.get("y"));
                if (x >= fx && y >= fy && x <= fx + fw && y <= fy + fh) {
                    ids.add(id);
                }
            }
        });
        all.forEach((id, v) -> {
            if (v instanceof YMap m && "connector".equals(m.get("type")) && ids.contains(String.valueOf(m.get("from")))
                    && ids.contains(String.valueOf(m.get("to")))) {
                ids.add(id);
            }
        });
        return new ArrayList<>(ids);
    }

    /** Copies {@code ids} of the plenary board onto a group's empty board, as they are (ids, owners, votes). */
    static void seed(YDoc plenary, List<String> ids, YDoc group) {
        YMap from = plenary.getMap("objects");
        YMap to = group.getMap("objects");
        for (String id : ids) {
            if (from.get(id) instanceof YMap m) {
                BoardCopy.put(to, id, m, Map.of());
            }
        }
    }

    /**
     * Puts a group's board back into the plenary: every object but the frame is written over its plenary copy (or added)
     * with {@code breakout} set to the group's label; what the group deleted of what it was given is deleted. Objects
     * added on the plenary inside the frame meanwhile stay. Returns how many objects were written.
     */
    static int copyBack(YDoc group, YDoc plenary, String frameId, List<String> seeded, String label) {
        YMap from = group.getMap("objects");
        YMap to = plenary.getMap("objects");
        Map<String, Object> groupObjects = new LinkedHashMap<>(from.entries());
        int written = 0;
        for (Map.Entry<String, Object> e : groupObjects.entrySet()) {
            if (!e.getKey().equals(frameId) && e.getValue() instanceof YMap m) {
                BoardCopy.put(to, e.getKey(), m, Map.of(FROM_GROUP, label));
                written++;
            }
        }
        for (String id : seeded) {
            if (!id.equals(frameId) && !groupObjects.containsKey(id) && to.get(id) != null) {
                to.delete(id);
            }
        }
        return written;
    }
}
