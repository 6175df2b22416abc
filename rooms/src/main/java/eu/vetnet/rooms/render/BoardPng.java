package eu.vetnet.rooms.render;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * A board's SVG ({@link SvgCanvas}) as a PNG, rasterised by Apache Batik (the Apache SVG toolkit, chosen because it
 * renders SVG in Java without a browser). Nothing outside the file is fetched, and the picture is at most
 * {@link #MAX_SIDE} pixels on its longer side, so no board can ask for an image too large to hold.
 */
public final class BoardPng {

    /** Twice the board's units (sharp on high-density screens), unless that passes the largest side. */
    static final float SCALE = 2;
    static final float MAX_SIDE = 8_000;

    private BoardPng() {
    }

    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("<svg [^>]*?width=\"([0-9.]+)\" height=\"([0-9.]+)\"");

    /** A board's SVG as {@link SvgCanvas} wrote it (its size read from its root element), rasterised. */
    public static byte[] render(String svg) {
        java.util.regex.Matcher m = SIZE.matcher(svg);
        if (!m.find()) {
            throw new IllegalArgumentException("not a board drawn by SvgCanvas: its root has no width and height");
        }
        return render(svg, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
    }

    /** The board drawn as SVG and rasterised, at the size {@link BoardPainter} gives the drawing. */
    public static byte[] render(Board board, String svg) {
        double[] e = board.extent();
        double w = e == null ? 400 : e[2] + 2 * BoardPainter.MARGIN;
        double h = e == null ? 300 : e[3] + 2 * BoardPainter.MARGIN;
        return render(svg, w, h);
    }

    /** @param width the SVG's width in board units (its {@code width} attribute) */
    public static byte[] render(String svg, double width, double height) {
        float scale = (float) Math.min(SCALE, MAX_SIDE / Math.max(1, Math.max(width, height)));
        PNGTranscoder png = new PNGTranscoder();
        png.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, (float) (width * scale));
        png.addTranscodingHint(SVGAbstractTranscoder.KEY_HEIGHT, (float) (height * scale));
        png.addTranscodingHint(SVGAbstractTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        png.addTranscodingHint(SVGAbstractTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            png.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("the board could not be rasterised: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
