package eu.vetnet.rooms.render;

import java.util.List;

/** A board drawn as an SVG 1.1 file (what browsers and Apache Batik read), each object a group named by its id. */
public final class SvgCanvas implements Canvas {

    private final StringBuilder out = new StringBuilder(8192);

    public static String render(Board board) {
        SvgCanvas canvas = new SvgCanvas();
        BoardPainter.paint(board, canvas);
        return canvas.out.toString();
    }

    /** The board for a picture {@code pixelsWide} wide: without text or shadows when its text could not be read there. */
    public static String render(Board board, double pixelsWide) {
        if (!SketchCanvas.unreadable(board, pixelsWide)) {
            return render(board);
        }
        SvgCanvas canvas = new SvgCanvas();
        BoardPainter.paint(board, new SketchCanvas(canvas));
        return canvas.out.toString();
    }

    @Override
    public void begin(double x, double y, double w, double h) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" viewBox=\"")
                .append(Svg.n(x)).append(' ').append(Svg.n(y)).append(' ').append(Svg.n(w)).append(' ').append(Svg.n(h))
                .append("\" width=\"").append(Svg.n(w)).append("\" height=\"").append(Svg.n(h)).append("\" font-family=\"")
                .append(Svg.text(BoardPainter.FONT)).append("\">\n")
                // orient="auto" rather than the app's auto-start-reverse (SVG 2): the arrow is only ever at the end.
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(BoardPainter.ARROW).append("\"/></marker></defs>\n")
                .append("<rect x=\"").append(Svg.n(x)).append("\" y=\"").append(Svg.n(y)).append("\" width=\"").append(Svg.n(w))
                .append("\" height=\"").append(Svg.n(h)).append("\" fill=\"#ffffff\"/>\n");
    }

    @Override
    public void object(String id, String type) {
        out.append("<g data-id=\"").append(Svg.text(id)).append("\" class=\"obj obj-").append(Svg.text(type)).append("\">");
    }

    @Override
    public void endObject() {
        out.append("</g>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, double rx, Paint paint) {
        out.append("<rect x=\"").append(Svg.n(x)).append("\" y=\"").append(Svg.n(y)).append("\" width=\"").append(Svg.n(Math.max(0, w)))
                .append("\" height=\"").append(Svg.n(Math.max(0, h))).append('"');
        if (rx > 0) {
            out.append(" rx=\"").append(Svg.n(rx)).append('"');
        }
        paint(paint);
        out.append("/>");
    }

    @Override
    public void ellipse(double cx, double cy, double rx, double ry, Paint paint) {
        out.append("<ellipse cx=\"").append(Svg.n(cx)).append("\" cy=\"").append(Svg.n(cy)).append("\" rx=\"").append(Svg.n(Math.max(0, rx)))
                .append("\" ry=\"").append(Svg.n(Math.max(0, ry))).append('"');
        paint(paint);
        out.append("/>");
    }

    private void paint(Paint p) {
        role(p.role());
        out.append(" fill=\"").append(p.fill() == null ? "none" : p.fill()).append('"');
        if (p.fill() != null && p.fillOpacity() < 1) {
            out.append(" fill-opacity=\"").append(Svg.n(p.fillOpacity())).append('"');
        }
        if (p.stroke() != null) {
            out.append(" stroke=\"").append(p.stroke()).append("\" stroke-width=\"").append(Svg.n(p.strokeWidth())).append('"');
            if (p.strokeOpacity() < 1) {
                out.append(" stroke-opacity=\"").append(Svg.n(p.strokeOpacity())).append('"');
            }
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width, boolean arrow, String role) {
        out.append("<line x1=\"").append(Svg.n(x1)).append("\" y1=\"").append(Svg.n(y1)).append("\" x2=\"").append(Svg.n(x2)).append("\" y2=\"")
                .append(Svg.n(y2)).append("\" stroke=\"").append(color).append("\" stroke-width=\"").append(Svg.n(width)).append("\" fill=\"none\"");
        role(role);
        if (arrow) {
            out.append(" marker-end=\"url(#arrow)\"");
        }
        out.append("/>");
    }

    @Override
    public void polyline(List<Double> points, String color, double width, String role) {
        out.append("<path d=\"");
        for (int i = 0; i + 1 < points.size(); i += 2) {
            out.append(i == 0 ? "M" : " L").append(Svg.n(points.get(i))).append(',').append(Svg.n(points.get(i + 1)));
        }
        out.append("\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(Svg.n(width))
                .append("\" stroke-linecap=\"round\" stroke-linejoin=\"round\"");
        role(role);
        out.append("/>");
    }

    @Override
    public void text(List<String> lines, double x, double y, double size, double lineHeight, boolean middle, int weight, String color,
            String role) {
        out.append("<text x=\"").append(Svg.n(x)).append("\" y=\"").append(Svg.n(y)).append("\" font-size=\"").append(Svg.n(size))
                .append("\" fill=\"").append(color).append('"');
        role(role);
        if (middle) {
            out.append(" text-anchor=\"middle\"");
        }
        if (weight > 0) {
            out.append(" font-weight=\"").append(weight).append('"');
        }
        out.append('>');
        for (int i = 0; i < lines.size(); i++) {
            out.append("<tspan x=\"").append(Svg.n(x)).append("\" dy=\"").append(Svg.n(i == 0 ? 0 : lineHeight)).append("\">")
                    .append(Svg.text(lines.get(i))).append("</tspan>");
        }
        out.append("</text>");
    }

    private void role(String role) {
        if (role != null) {
            out.append(" class=\"").append(role).append('"');
        }
    }

    @Override
    public void image(String dataUrl, double x, double y, double w, double h) {
        out.append("<image xlink:href=\"").append(Svg.text(dataUrl)).append("\" x=\"").append(Svg.n(x)).append("\" y=\"").append(Svg.n(y))
                .append("\" width=\"").append(Svg.n(w)).append("\" height=\"").append(Svg.n(h)).append("\" preserveAspectRatio=\"xMidYMid meet\"/>");
    }

    @Override
    public void end() {
        out.append("</svg>\n");
    }
}
