package eu.vetnet.rooms.render;

import eu.vetnet.rooms.render.NotesTree.Element;
import eu.vetnet.rooms.render.NotesTree.Node;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The room's document as an A4 PDF (Apache PDFBox, Liberation Sans embedded): its title, then each block in order,
 * headings larger, list items with their bullet or number, quotes and code indented, a table row per line with its
 * cells separated by bars. Marks are not drawn (the text is all there, searchable); a character the font lacks prints
 * as a question mark.
 */
public final class NotesPdf {

    static final float MARGIN = 56;
    static final float BODY = 11;

    private final PDDocument doc = new PDDocument();
    private final PDFont font;
    private final java.util.Map<Integer, Boolean> inFont = new java.util.HashMap<>();
    private PDPageContentStream stream;
    private float y;

    private NotesPdf() throws IOException {
        try (InputStream data = PDDocument.class.getResourceAsStream(PdfCanvas.FONT)) {
            if (data == null) {
                throw new IOException("PDFBox's font " + PdfCanvas.FONT + " is missing from the class path");
            }
            font = PDType0Font.load(doc, data);
        }
    }

    public static byte[] render(String title, List<Node> nodes) {
        try {
            NotesPdf pdf = new NotesPdf();
            try (pdf.doc) {
                pdf.newPage();
                pdf.paragraph(title, 20, 0);
                pdf.blocks(nodes, 0);
                pdf.stream.close();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                pdf.doc.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void blocks(List<Node> nodes, float indent) throws IOException {
        for (Node n : nodes) {
            if (!(n instanceof Element e)) {
                paragraph(NotesTree.plain(List.of(n)), BODY, indent);
                continue;
            }
            switch (e.name()) {
                case "heading" -> {
                    int level = NotesTree.intAttribute(e, "level", 1);
                    paragraph(NotesTree.plain(e.children()), level <= 1 ? 17 : level == 2 ? 14 : 12, indent);
                }
                case "bulletList", "orderedList" -> {
                    int number = NotesTree.intAttribute(e, "start", 1);
                    for (Node item : e.children()) {
                        if (item instanceof Element li) {
                            String marker = e.name().equals("orderedList") ? (number++) + ". " : "• ";
                            listItem(marker, li, indent);
                        }
                    }
                }
                case "blockquote", "codeBlock" -> {
                    if (e.name().equals("codeBlock")) {
                        for (String line : NotesTree.plain(e.children()).split("\n", -1)) {
                            paragraph(line, BODY, indent + 18);
                        }
                    } else {
                        blocks(e.children(), indent + 18);
                    }
                }
                case "table" -> {
                    for (Node row : e.children()) {
                        if (row instanceof Element tr) {
                            List<String> cells = new ArrayList<>();
                            tr.children().forEach(cell -> cells.add(cell instanceof Element td ? NotesTree.plain(td.children()).strip() : ""));
                            paragraph("| " + String.join(" | ", cells) + " |", BODY, indent);
                        }
                    }
                }
                case "horizontalRule" -> paragraph("—", BODY, indent);
                case "paragraph" -> paragraph(NotesTree.plain(e.children()), BODY, indent);
                default -> blocks(e.children(), indent);
            }
        }
    }

    private void listItem(String marker, Element li, float indent) throws IOException {
        boolean first = true;
        for (Node child : li.children()) {
            if (first && child instanceof Element p && p.name().equals("paragraph")) {
                paragraph(marker + NotesTree.plain(p.children()), BODY, indent);
            } else {
                blocks(List.of(child), indent + 18);
            }
            first = false;
        }
    }

    private void paragraph(String text, float size, float indent) throws IOException {
        for (String line : wrap(printable(text), size, PDRectangle.A4.getWidth() - 2 * MARGIN - indent)) {
            if (y - size * 1.4f < MARGIN) {
                stream.close();
                newPage();
            }
            y -= size * 1.4f;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN + indent, y);
            stream.showText(line);
            stream.endText();
        }
        y -= size * 0.5f;
    }

    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String tried = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(tried) / 1000 * size > width) {
                out.add(current.toString());
                current.setLength(0);
                current.append(word);
            } else {
                current.setLength(0);
                current.append(tried);
            }
        }
        out.add(current.toString());
        return out;
    }

    private String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
                return;
            }
            out.appendCodePoint(inFont.computeIfAbsent(cp, this::encodes) ? cp : '?');
        });
        return out.toString();
    }

    private boolean encodes(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException missing) {
            return false;
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        stream = new PDPageContentStream(doc, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }
}
