package eu.vetnet.rooms.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** A board of every kind of object drawn as SVG, PNG and PDF: every object there, in order, its text and colours. */
class BoardRenderTests {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static Map<String, Object> object(String type, double x, double y, double w, double h, double z, String color, String text) {
        Map<String, Object> o = new HashMap<>(Map.of("type", type, "owner", "fabio-id", "x", x, "y", y, "w", w, "h", h, "z", z, "color", color));
        if (text != null) {
            o.put("text", text);
        }
        return o;
    }

    static Map<String, Object> board() {
        Map<String, Object> objects = new LinkedHashMap<>();
        objects.put("f1", object("frame", 0, 0, 480, 360, 0, "#f4f6f8", "Needs of SMEs"));
        Map<String, Object> note = object("note", 20, 60, 160, 120, 2, "#fff3a3", "Digital skills for craft SMEs & <their> trainers");
        note.put("votes", Map.of("alice-id", true, "bruno-id", true));
        objects.put("n1", note);
        objects.put("n2", object("note", 220, 60, 160, 120, 1, "#ffc9de", "Zażółć gęślą jaźń · Ελληνικά 🎉"));
        objects.put("r1", object("rect", 40, 220, 160, 100, 3, "#4a6fa5", "A shape label"));
        objects.put("e1", object("ellipse", 260, 220, 160, 100, 4, "#4a6fa5", "An ellipse"));
        Map<String, Object> c1 = object("connector", 0, 0, 0, 0, 5, "#36454f", null);
        c1.put("from", "n1");
        c1.put("to", "n2");
        objects.put("c1", c1);
        Map<String, Object> dangling = object("connector", 0, 0, 0, 0, 6, "#36454f", null);
        dangling.put("from", "n1");
        dangling.put("to", "gone");
        objects.put("c2", dangling);
        Map<String, Object> pen = object("pen", 0, 0, 0, 0, 7, "#36454f", null);
        pen.put("points", List.of(500, 40, 540, 80, 580, 60));
        objects.put("p1", pen);
        objects.put("t1", object("text", 520, 200, 200, 40, 8, "#36454f", "Free text"));
        objects.put("bad", Map.of("type", "script", "x", 1));
        return objects;
    }

    @Test
    void aBoardDrawnTooSmallToReadIsASketchWithEveryShapeButNoTextOrShadow() {
        Map<String, Object> objects = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            Map<String, Object> note = new HashMap<>(Map.of("type", "note", "x", (double) (i % 20) * 200, "y", (double) (i / 20) * 150,
                    "w", 160.0, "h", 120.0, "color", "#fff3a3", "text", "Idea number " + i));
            objects.put("n" + i, note);
        }
        Board board = Board.of(objects);
        // 4,000 units in 400 pixels: a note's 15-unit text would be 1.5 pixels tall.
        String sketch = SvgCanvas.render(board, 400);
        assertThat(sketch.split("class=\"note-body\"", -1)).hasSize(201);
        assertThat(sketch).doesNotContain("<text", "note-shadow", "Idea number");
        // Wide enough to read, the same call draws everything.
        assertThat(SvgCanvas.render(board, 8000)).isEqualTo(SvgCanvas.render(board)).contains("Idea number 199", "note-shadow");
        assertThat(sketch.length()).isLessThan(SvgCanvas.render(board).length() / 2);
    }

    @Test
    void theSvgHoldsEveryObjectInTheAppsOrderWithItsTextAndColour() throws Exception {
        String svg = SvgCanvas.render(Board.of(board()));
        Document dom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        NodeList groups = dom.getElementsByTagName("g");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            ids.add(((Element) groups.item(i)).getAttribute("data-id"));
        }
        // Frames first, then by z; a connector without both ends and what is not a board object are left out.
        assertThat(ids).containsExactly("f1", "n2", "n1", "r1", "e1", "c1", "p1", "t1");
        assertThat(svg).contains("Needs of SMEs", "Digital skills", "for craft SMEs &amp;</tspan>", "&lt;their&gt; trainers", "Zażółć gęślą", "#ffc9de", "marker-end=\"url(#arrow)\"");
        // The note's two votes show in its badge; the text wraps as the app's does.
        assertThat(svg).contains("<tspan x=\"166\" dy=\"0\">2</tspan></text>");
        assertThat(svg).contains("<tspan x=\"28\" dy=\"0\">Digital skills</tspan>");
        // Cropped to the content with the margin: from (-20, -20) to the pen's and text's right edge.
        assertThat(dom.getDocumentElement().getAttribute("viewBox")).isEqualTo("-20 -20 760 400");
    }

    @Test
    void thePngIsTheBoardRasterisedAtTwiceItsSize() throws Exception {
        String svg = SvgCanvas.render(Board.of(board()));
        var image = ImageIO.read(new ByteArrayInputStream(BoardPng.render(svg, 760, 400)));
        assertThat(image.getWidth()).isEqualTo(1520);
        assertThat(image.getHeight()).isEqualTo(800);
        // The pink note's body is where it is on the board: (220, 60) to (380, 180), offset by the margin, doubled.
        int pink = image.getRGB((220 + 20 + 80) * 2, (60 + 20 + 100) * 2) & 0xFFFFFF;
        assertThat(pink).isEqualTo(0xFFC9DE);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void thePdfHasTheBoardsTextAsText() throws Exception {
        byte[] pdf = PdfCanvas.render(Board.of(board()));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(760f);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            // A character the font lacks (the emoji) prints as a question mark; Polish and Greek print as written.
            assertThat(text).contains("Needs of SMEs", "Digital skills", "Zażółć gęślą", "Ελληνικά ?", "A shape label", "An ellipse", "Free text");
        }
    }

    @Test
    void anEmptyBoardIsAnEmptyPage() throws Exception {
        Board empty = Board.of(Map.of());
        assertThat(SvgCanvas.render(empty)).contains("viewBox=\"0 0 400 300\"").doesNotContain("<g ");
        try (PDDocument doc = Loader.loadPDF(PdfCanvas.render(empty))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
    }
}
