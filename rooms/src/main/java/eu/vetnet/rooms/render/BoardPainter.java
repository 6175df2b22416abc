package eu.vetnet.rooms.render;

import eu.vetnet.rooms.policy.BoardContent;
import eu.vetnet.rooms.render.Canvas.Paint;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a board out as the app draws it (frontend/src/board/ObjectView.tsx, geometry.ts and the board's styles in
 * styles.css): the same shapes, colours, connectors with arrows, word wrap ({@link TextWrap}) and order, cropped to
 * the content with a margin. What differs from the app is said in docs/rooms.md ("Renders"): a
 * pen stroke is a round-capped line of its width instead of a pressure outline, and an image stored on the server
 * shows as its empty frame (data: images are drawn).
 */
public final class BoardPainter {

    /** The app's font stack (frontend/src/styles.css; without -apple-system, which Batik's CSS parser refuses) and colours. */
    static final String FONT = "system-ui, 'Segoe UI', Roboto, sans-serif";
    static final String INK = "#1d2733";
    static final String ACCENT = "#2457a6";
    static final String ARROW = "#36454f";
    static final String FRAME_LINE = "#c3cad3";
    static final double MARGIN = 20;
    /** A note's font size in board units (textLayout.ts NOTE_TEXT) and the app's line height. */
    static final double NOTE_SIZE = 15;
    static final double LINE_HEIGHT = 1.25;

    private BoardPainter() {
    }

    public static void paint(Board board, Canvas canvas) {
        double[] e = board.extent();
        if (e == null) {
            canvas.begin(0, 0, 400, 300);
        } else {
            canvas.begin(e[0] - MARGIN, e[1] - MARGIN, e[2] + 2 * MARGIN, e[3] + 2 * MARGIN);
        }
        for (BoardObject o : board.objects()) {
            canvas.object(o.id(), o.type());
            object(canvas, o, board);
            canvas.endObject();
        }
        canvas.end();
    }

    private static void object(Canvas c, BoardObject o, Board board) {
        switch (o.type()) {
            case "note" -> {
                c.rect(o.x() + 3, o.y() + 4, o.w(), o.h(), 0, new Paint("#000000", 0.08, null, 0, 0, "note-shadow"));
                c.rect(o.x(), o.y(), o.w(), o.h(), 0, new Paint(color(o), 1, "#000000", 0.08, 1, "note-body"));
                lines(c, o.text(), o.x(), o.y(), o.w(), o.h() - 14, NOTE_SIZE, false, 0);
                if (o.votes() > 0) {
                    double cx = o.x() + o.w() - 14;
                    c.ellipse(cx, o.y() + o.h() - 14, 11, 11, Paint.fill(ACCENT));
                    c.text(List.of(Integer.toString(o.votes())), cx, o.y() + o.h() - 10, 12, 0, true, 600, "#ffffff", "vote-count");
                }
            }
            case "text" -> lines(c, o.text(), o.x() - 8, o.y() - 8, o.w() + 16, o.h() + 16, 18, false, 0);
            case "rect" -> {
                c.rect(o.x(), o.y(), o.w(), o.h(), 6, shape(o));
                if (!o.text().isEmpty()) {
                    lines(c, o.text(), o.x(), o.y() + Math.max(0, o.h() / 2 - 22), o.w(), Math.min(o.h(), o.h() / 2 + 22), NOTE_SIZE, true, 0);
                }
            }
            case "ellipse" -> {
                c.ellipse(o.x() + o.w() / 2, o.y() + o.h() / 2, o.w() / 2, o.h() / 2, shape(o));
                if (!o.text().isEmpty()) {
                    // The label sits inside the shape; an ellipse's usable box is about 70% of its bounds.
                    lines(c, o.text(), o.x() + o.w() * 0.15, o.y() + Math.max(o.h() * 0.15, o.h() / 2 - 22), o.w() * 0.7,
                            Math.min(o.h() * 0.7, o.h() / 2 + 22), NOTE_SIZE, true, 0);
                }
            }
            case "frame" -> {
                c.rect(o.x(), o.y(), o.w(), o.h(), 10, new Paint(color(o), 1, FRAME_LINE, 1, 1.5, "frame-body"));
                lines(c, o.text(), o.x(), o.y(), o.w(), 40, 20, false, 600);
            }
            case "image" -> {
                c.rect(o.x(), o.y(), o.w(), o.h(), 0, new Paint("#eef0f3", 1, FRAME_LINE, 1, 1, "image-frame"));
                if (o.url() != null && o.url().startsWith("data:image/")) {
                    c.image(o.url(), o.x(), o.y(), o.w(), o.h());
                }
            }
            case "pen" -> {
                if (o.points() != null && o.points().size() >= 2) {
                    c.polyline(o.points(), color(o), 4, "pen-stroke");
                }
            }
            case "connector" -> {
                BoardObject from = board.byId(o.from());
                BoardObject to = board.byId(o.to());
                double[] p = borderPoint(from, center(to));
                double[] q = borderPoint(to, center(from));
                c.line(p[0], p[1], q[0], q[1], color(o), 2, true, "connector-line");
            }
            default -> {
            }
        }
    }

    private static Paint shape(BoardObject o) {
        return new Paint("#ffffff", 0.6, color(o), 1, 2.5, "shape");
    }

    /**
     * The object's colour if it is one of the board's palette (policy/BoardContent, the rule every write passed); a
     * colour from before that rule, or from no writer at all, is drawn in ink.
     */
    static String color(BoardObject o) {
        return BoardContent.palette().contains(o.color().toLowerCase(java.util.Locale.ROOT)) ? o.color() : INK;
    }

    /** Wrapped text in a box, as the app's Lines: as many lines as fit, the last one cut with an ellipsis if more follow. */
    static void lines(Canvas c, String text, double x, double y, double w, double h, double size, boolean middle, int weight) {
        List<String> all = TextWrap.wrap(text, w - 16, size);
        int max = (int) Math.max(1, Math.floor((h - 12) / (size * LINE_HEIGHT)));
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(max, all.size()); i++) {
            String line = all.get(i);
            shown.add(i == max - 1 && all.size() > max ? line.substring(0, Math.max(0, line.length() - 1)) + "…" : line);
        }
        c.text(shown, middle ? x + w / 2 : x + 8, y + 8 + size, size, size * LINE_HEIGHT, middle, weight, INK, "obj-text");
    }

    private static double[] center(BoardObject o) {
        return new double[] {o.x() + o.w() / 2, o.y() + o.h() / 2};
    }

    /** Where the segment from o's centre towards a point leaves o's border (geometry.ts borderPoint). */
    static double[] borderPoint(BoardObject o, double[] toward) {
        double[] c = center(o);
        double dx = toward[0] - c[0];
        double dy = toward[1] - c[1];
        if (dx == 0 && dy == 0) {
            return c;
        }
        double hw = Math.max(o.w() / 2, 1);
        double hh = Math.max(o.h() / 2, 1);
        if (o.type().equals("ellipse")) {
            double t = 1 / Math.sqrt((dx * dx) / (hw * hw) + (dy * dy) / (hh * hh));
            return new double[] {c[0] + dx * t, c[1] + dy * t};
        }
        double t = Math.min(hw / Math.abs(dx == 0 ? 1e-9 : dx), hh / Math.abs(dy == 0 ? 1e-9 : dy));
        return new double[] {c[0] + dx * t, c[1] + dy * t};
    }
}
