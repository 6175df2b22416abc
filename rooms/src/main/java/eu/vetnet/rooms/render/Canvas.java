package eu.vetnet.rooms.render;

import java.util.List;

/**
 * What a board is drawn on: the painter ({@link BoardPainter}) lays the board out once and says what to draw, in
 * board units; each file format draws it its own way ({@link SvgCanvas}, {@link PdfCanvas}).
 */
interface Canvas {

    /**
     * How a shape is filled and outlined; a null colour paints nothing. {@code role} is the app's class name for the
     * mark (note-body, shape, frame-body...: frontend/src/board/ObjectView.tsx), so that a render can be compared with
     * the app's drawing mark by mark; null for marks the app draws differently.
     */
    record Paint(String fill, double fillOpacity, String stroke, double strokeOpacity, double strokeWidth, String role) {

        static Paint fill(String color) {
            return new Paint(color, 1, null, 0, 0, null);
        }
    }

    /** The area drawn: everything outside it is cut. */
    void begin(double x, double y, double w, double h);

    /** One board object's marks begin (files name them by the object's id). */
    void object(String id, String type);

    void endObject();

    void rect(double x, double y, double w, double h, double rx, Paint paint);

    void ellipse(double cx, double cy, double rx, double ry, Paint paint);

    /** A straight line, with the board's arrow head at its end when {@code arrow}. */
    void line(double x1, double y1, double x2, double y2, String color, double width, boolean arrow, String role);

    /** A round-capped line through flat [x0, y0, x1, y1, ...] points. */
    void polyline(List<Double> points, String color, double width, String role);

    /**
     * Lines of text, the first with its baseline at y, each next {@code lineHeight} lower; x is where they start, or
     * their middle when {@code middle}.
     */
    void text(List<String> lines, double x, double y, double size, double lineHeight, boolean middle, int weight, String color, String role);

    /** An image given as a data: URL, fitted into the box. */
    void image(String dataUrl, double x, double y, double w, double h);

    void end();
}
