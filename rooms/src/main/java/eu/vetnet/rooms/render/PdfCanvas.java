package eu.vetnet.rooms.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * A board drawn as a one-page PDF with Apache PDFBox (the library the learning server's records use): vector shapes
 * and real text (searchable, copyable) in the Liberation Sans font PDFBox ships, embedded, so every European script
 * prints; a character the font lacks (an emoji) prints as a question mark. A board larger than a PDF page may be
 * (200 inches) is scaled down to fit.
 */
public final class PdfCanvas implements Canvas {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** The largest page side PDF readers accept, in points. */
    static final double MAX_PAGE = 14_400;
    private static final double K = 0.5523;

    private final PDDocument doc = new PDDocument();
    private final PDFont font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    /** One graphics state per pair of opacities, shared by every mark that uses it (a note's shadow, 8,000 times). */
    private final Map<String, PDExtendedGraphicsState> opacities = new HashMap<>();
    private PDPageContentStream cs;

    private PdfCanvas() throws IOException {
        try (InputStream data = PDDocument.class.getResourceAsStream(FONT)) {
            if (data == null) {
                throw new IOException("PDFBox's font " + FONT + " is missing from the class path");
            }
            font = PDType0Font.load(doc, data);
        }
    }

    public static byte[] render(Board board) {
        try {
            PdfCanvas canvas = new PdfCanvas();
            try (canvas.doc) {
                BoardPainter.paint(board, canvas);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                canvas.doc.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void begin(double x, double y, double w, double h) {
        double scale = Math.min(1, MAX_PAGE / Math.max(w, h));
        PDPage page = new PDPage(new PDRectangle((float) (w * scale), (float) (h * scale)));
        doc.addPage(page);
        try {
            cs = new PDPageContentStream(doc, page);
            // Board units from here on, y downwards as on screen.
            cs.transform(new Matrix((float) scale, 0, 0, (float) -scale, (float) (-x * scale), (float) ((h + y) * scale)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rect(x, y, w, h, 0, Paint.fill("#ffffff"));
    }

    @Override
    public void object(String id, String type) {
        // PDF has no groups worth naming here; the text is what people search.
    }

    @Override
    public void endObject() {
    }

    @Override
    public void rect(double x, double y, double w, double h, double rx, Paint paint) {
        draw(paint, () -> {
            if (rx <= 0) {
                cs.addRect((float) x, (float) y, (float) Math.max(0, w), (float) Math.max(0, h));
                return;
            }
            double r = Math.min(rx, Math.min(w, h) / 2);
            double k = r * K;
            cs.moveTo((float) (x + r), (float) y);
            cs.lineTo((float) (x + w - r), (float) y);
            cs.curveTo((float) (x + w - r + k), (float) y, (float) (x + w), (float) (y + r - k), (float) (x + w), (float) (y + r));
            cs.lineTo((float) (x + w), (float) (y + h - r));
            cs.curveTo((float) (x + w), (float) (y + h - r + k), (float) (x + w - r + k), (float) (y + h), (float) (x + w - r), (float) (y + h));
            cs.lineTo((float) (x + r), (float) (y + h));
            cs.curveTo((float) (x + r - k), (float) (y + h), (float) x, (float) (y + h - r + k), (float) x, (float) (y + h - r));
            cs.lineTo((float) x, (float) (y + r));
            cs.curveTo((float) x, (float) (y + r - k), (float) (x + r - k), (float) y, (float) (x + r), (float) y);
            cs.closePath();
        });
    }

    @Override
    public void ellipse(double cx, double cy, double rx, double ry, Paint paint) {
        draw(paint, () -> {
            double kx = rx * K;
            double ky = ry * K;
            cs.moveTo((float) (cx + rx), (float) cy);
            cs.curveTo((float) (cx + rx), (float) (cy + ky), (float) (cx + kx), (float) (cy + ry), (float) cx, (float) (cy + ry));
            cs.curveTo((float) (cx - kx), (float) (cy + ry), (float) (cx - rx), (float) (cy + ky), (float) (cx - rx), (float) cy);
            cs.curveTo((float) (cx - rx), (float) (cy - ky), (float) (cx - kx), (float) (cy - ry), (float) cx, (float) (cy - ry));
            cs.curveTo((float) (cx + kx), (float) (cy - ry), (float) (cx + rx), (float) (cy - ky), (float) (cx + rx), (float) cy);
            cs.closePath();
        });
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width, boolean arrow, String role) {
        draw(new Paint(null, 0, color, 1, width, role), () -> {
            cs.moveTo((float) x1, (float) y1);
            cs.lineTo((float) x2, (float) y2);
        });
        if (arrow && (x1 != x2 || y1 != y2)) {
            // The app's marker: a 10 x 10 triangle drawn 8 stroke widths wide, its point one unit past the line's end.
            double unit = 0.8 * width;
            double a = Math.atan2(y2 - y1, x2 - x1);
            double cos = Math.cos(a);
            double sin = Math.sin(a);
            double[][] tri = {{1, 0}, {-9, -5}, {-9, 5}};
            draw(Paint.fill(BoardPainter.ARROW), () -> {
                for (int i = 0; i < 3; i++) {
                    double px = x2 + unit * (tri[i][0] * cos - tri[i][1] * sin);
                    double py = y2 + unit * (tri[i][0] * sin + tri[i][1] * cos);
                    if (i == 0) {
                        cs.moveTo((float) px, (float) py);
                    } else {
                        cs.lineTo((float) px, (float) py);
                    }
                }
                cs.closePath();
            });
        }
    }

    @Override
    public void polyline(List<Double> points, String color, double width, String role) {
        draw(new Paint(null, 0, color, 1, width, role), () -> {
            cs.setLineCapStyle(1);
            cs.setLineJoinStyle(1);
            for (int i = 0; i + 1 < points.size(); i += 2) {
                if (i == 0) {
                    cs.moveTo(points.get(i).floatValue(), points.get(i + 1).floatValue());
                } else {
                    cs.lineTo(points.get(i).floatValue(), points.get(i + 1).floatValue());
                }
            }
        });
    }

    @Override
    public void text(List<String> lines, double x, double y, double size, double lineHeight, boolean middle, int weight, String color,
            String role) {
        try {
            cs.saveGraphicsState();
            float[] rgb = rgb(color);
            cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            if (weight >= 600) {
                // The one font PDFBox ships is regular: semibold titles are filled and outlined, as a bold face looks.
                cs.setStrokingColor(rgb[0], rgb[1], rgb[2]);
                cs.setLineWidth((float) (size * 0.04));
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = printable(lines.get(i));
                if (line.isEmpty()) {
                    continue;
                }
                double width = font.getStringWidth(line) / 1000 * size;
                double lx = middle ? x - width / 2 : x;
                cs.beginText();
                cs.setFont(font, (float) size);
                cs.setRenderingMode(weight >= 600 ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
                // Glyphs upright again in the flipped page.
                cs.setTextMatrix(new Matrix(1, 0, 0, -1, (float) lx, (float) (y + i * lineHeight)));
                cs.showText(line);
                cs.endText();
            }
            cs.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void image(String dataUrl, double x, double y, double w, double h) {
        int comma = dataUrl.indexOf(',');
        if (comma < 0 || !dataUrl.substring(0, comma).endsWith(";base64")) {
            return;
        }
        try {
            PDImageXObject image = PDImageXObject.createFromByteArray(doc, Base64.getDecoder().decode(dataUrl.substring(comma + 1)), "image");
            double s = Math.min(w / image.getWidth(), h / image.getHeight());
            double iw = image.getWidth() * s;
            double ih = image.getHeight() * s;
            cs.saveGraphicsState();
            // Images are drawn upright: flip back within their box.
            cs.transform(new Matrix((float) iw, 0, 0, (float) -ih, (float) (x + (w - iw) / 2), (float) (y + (h - ih) / 2 + ih)));
            cs.drawImage(image, 0, 0, 1, 1);
            cs.restoreGraphicsState();
        } catch (IOException | IllegalArgumentException unreadable) {
            // A format PDFBox cannot embed (WebP): the empty frame stays, as for images stored on the server.
        }
    }

    @Override
    public void end() {
        try {
            cs.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface PathWork {
        void run() throws IOException;
    }

    private void draw(Paint paint, PathWork path) {
        try {
            cs.saveGraphicsState();
            if (paint.fillOpacity() < 1 || (paint.stroke() != null && paint.strokeOpacity() < 1)) {
                cs.setGraphicsStateParameters(opacities.computeIfAbsent(paint.fillOpacity() + "/" + paint.strokeOpacity(), key -> {
                    PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
                    gs.setNonStrokingAlphaConstant((float) paint.fillOpacity());
                    gs.setStrokingAlphaConstant((float) paint.strokeOpacity());
                    return gs;
                }));
            }
            if (paint.fill() != null) {
                float[] f = rgb(paint.fill());
                cs.setNonStrokingColor(f[0], f[1], f[2]);
            }
            if (paint.stroke() != null) {
                float[] s = rgb(paint.stroke());
                cs.setStrokingColor(s[0], s[1], s[2]);
                cs.setLineWidth((float) paint.strokeWidth());
            }
            path.run();
            if (paint.fill() != null && paint.stroke() != null) {
                cs.fillAndStroke();
            } else if (paint.fill() != null) {
                cs.fill();
            } else {
                cs.stroke();
            }
            cs.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with each character the font cannot show replaced by a question mark. */
    private String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(printable.computeIfAbsent(cp, this::inFont) ? cp : '?'));
        return out.toString();
    }

    private boolean inFont(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return !Character.isISOControl(codePoint);
        } catch (IOException | IllegalArgumentException missing) {
            return false;
        }
    }

    /** #rgb or #rrggbb as PDF's 0..1 components (the palette's colours; anything else is ink). */
    static float[] rgb(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        if (h.length() < 6 || !h.substring(0, 6).matches("[0-9a-fA-F]{6}")) {
            return rgb(BoardPainter.INK);
        }
        int v = Integer.parseInt(h.substring(0, 6), 16);
        return new float[] {((v >> 16) & 255) / 255f, ((v >> 8) & 255) / 255f, (v & 255) / 255f};
    }
}
