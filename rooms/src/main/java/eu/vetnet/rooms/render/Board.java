package eu.vetnet.rooms.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A board's objects in the order the app draws them (frames first, then the rest; each by z, then id: the app's
 * Board.tsx and store.ts), with connectors kept only when both their ends exist.
 */
public record Board(List<BoardObject> objects) {

    /** From the board document's {@code objects} root as JSON (id → object). */
    public static Board of(Map<?, ?> objects) {
        Map<String, BoardObject> byId = new LinkedHashMap<>();
        objects.forEach((id, value) -> {
            BoardObject o = BoardObject.read(String.valueOf(id), value);
            if (o != null) {
                byId.put(o.id(), o);
            }
        });
        Comparator<BoardObject> order = Comparator.comparingDouble(BoardObject::z).thenComparing(BoardObject::id);
        List<BoardObject> frames = new ArrayList<>();
        List<BoardObject> rest = new ArrayList<>();
        for (BoardObject o : byId.values()) {
            if (o.type().equals("connector") && (o.from() == null || o.to() == null || !byId.containsKey(o.from()) || !byId.containsKey(o.to()))) {
                continue;
            }
            (o.type().equals("frame") ? frames : rest).add(o);
        }
        frames.sort(order);
        rest.sort(order);
        List<BoardObject> all = new ArrayList<>(frames);
        all.addAll(rest);
        return new Board(List.copyOf(all));
    }

    public BoardObject byId(String id) {
        return objects.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
    }

    /** The box around every object except connectors (they lie between others); null for an empty board. */
    double[] extent() {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        boolean any = false;
        for (BoardObject o : objects) {
            if (o.type().equals("connector")) {
                continue;
            }
            double[] b = o.bounds();
            x0 = Math.min(x0, b[0]);
            y0 = Math.min(y0, b[1]);
            x1 = Math.max(x1, b[0] + b[2]);
            y1 = Math.max(y1, b[1] + b[3]);
            any = true;
        }
        return any ? new double[] {x0, y0, x1 - x0, y1 - y0} : null;
    }
}
