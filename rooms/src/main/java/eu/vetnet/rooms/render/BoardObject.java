package eu.vetnet.rooms.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One board object as the renderers draw it, read from the board document's {@code objects} map as JSON (the fields
 * of docs/rooms.md, "Board content"; the app reads the same in frontend/src/board/model.ts).
 *
 * @param points a pen stroke's flat [x0, y0, x1, y1, ...]
 * @param url    an image's address: one of the room's images, or a small data: URL
 */
public record BoardObject(String id, String type, String owner, double x, double y, double w, double h, double z, String color, String text,
        String from, String to, List<Double> points, String url, int votes) {

    static final Set<String> TYPES = Set.of("note", "rect", "ellipse", "text", "connector", "pen", "frame", "image");
    /** The app's default colour for an object without one (the first note colour). */
    static final String DEFAULT_COLOR = "#fff3a3";

    /** The object from one entry of the {@code objects} map; null when it is not a well-formed board object. */
    static BoardObject read(String id, Object value) {
        if (!(value instanceof Map<?, ?> m) || !(m.get("type") instanceof String type) || !TYPES.contains(type)) {
            return null;
        }
        List<Double> points = null;
        if (m.get("points") instanceof List<?> list) {
            points = new ArrayList<>(list.size());
            for (Object p : list) {
                points.add(p instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : 0.0);
            }
        }
        return new BoardObject(id, type, string(m.get("owner"), ""), num(m.get("x")), num(m.get("y")), num(m.get("w")), num(m.get("h")),
                num(m.get("z")), string(m.get("color"), DEFAULT_COLOR), string(m.get("text"), ""), string(m.get("from"), null),
                string(m.get("to"), null), points, string(m.get("url"), null), m.get("votes") instanceof Map<?, ?> v ? v.size() : 0);
    }

    /** The box the object covers: a pen stroke's points, every other object's x, y, w, h. */
    double[] bounds() {
        if (type.equals("pen") && points != null && points.size() >= 2) {
            double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
            for (int i = 0; i + 1 < points.size(); i += 2) {
                x0 = Math.min(x0, points.get(i));
                x1 = Math.max(x1, points.get(i));
                y0 = Math.min(y0, points.get(i + 1));
                y1 = Math.max(y1, points.get(i + 1));
            }
            return new double[] {x0, y0, x1 - x0, y1 - y0};
        }
        return new double[] {x, y, w, h};
    }

    private static double num(Object v) {
        return v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : 0;
    }

    private static String string(Object v, String fallback) {
        return v instanceof String s ? s : fallback;
    }
}
