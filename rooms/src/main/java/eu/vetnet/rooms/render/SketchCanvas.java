package eu.vetnet.rooms.render;

import java.util.List;

/**
 * A board drawn small enough that its text cannot be read (the history's playback shows a whole board in a page's
 * width; docs/rooms.md "Renders"): every shape, colour and connector as on any canvas, but no text and no shadows,
 * which on a big board are most of the marks and most of what a browser spends drawing it.
 */
final class SketchCanvas implements Canvas {

    /** Text smaller than this many pixels on screen is not drawn. */
    static final double MIN_READABLE_PX = 6;

    private final Canvas inner;

    SketchCanvas(Canvas inner) {
        this.inner = inner;
    }

    /** Whether a board drawn {@code pixelsWide} wide shows its notes' text below {@link #MIN_READABLE_PX}. */
    static boolean unreadable(Board board, double pixelsWide) {
        double[] e = board.extent();
        double width = e == null ? 400 : e[2] + 2 * BoardPainter.MARGIN;
        return pixelsWide / width * BoardPainter.NOTE_SIZE < MIN_READABLE_PX;
    }

    @Override
    public void begin(double x, double y, double w, double h) {
        inner.begin(x, y, w, h);
    }

    @Override
    public void object(String id, String type) {
        inner.object(id, type);
    }

    @Override
    public void endObject() {
        inner.endObject();
    }

    @Override
    public void rect(double x, double y, double w, double h, double rx, Paint paint) {
        if (!"note-shadow".equals(paint.role())) {
            inner.rect(x, y, w, h, rx, paint);
        }
    }

    @Override
    public void ellipse(double cx, double cy, double rx, double ry, Paint paint) {
        inner.ellipse(cx, cy, rx, ry, paint);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width, boolean arrow, String role) {
        inner.line(x1, y1, x2, y2, color, width, arrow, role);
    }

    @Override
    public void polyline(List<Double> points, String color, double width, String role) {
        inner.polyline(points, color, width, role);
    }

    @Override
    public void text(List<String> lines, double x, double y, double size, double lineHeight, boolean middle, int weight, String color, String role) {
        // Unreadable at this size: left out.
    }

    @Override
    public void image(String dataUrl, double x, double y, double w, double h) {
        inner.image(dataUrl, x, y, w, h);
    }

    @Override
    public void end() {
        inner.end();
    }
}
