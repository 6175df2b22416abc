package eu.vetnet.learning.records;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A learner's record as a PDF, in the spirit of a Diploma Supplement (docs/learning.md, "Records"): for each
 * programme, its organisation, each module's result with its EQF level, grade, credits and kind (formal or recognised),
 * and the credits earned. Written with Apache PDFBox; the font is the Liberation Sans PDFBox ships, embedded, so that
 * names in any European script print as written.
 */
public final class TranscriptPdf {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final float MARGIN = 56;
    static final float LEADING = 15;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private TranscriptPdf() {
    }

    public static byte[] of(Transcript t, Instant printed) {
        try (PDDocument doc = new PDDocument(); InputStream fontData = PDDocument.class.getResourceAsStream(FONT)) {
            if (fontData == null) {
                throw new IllegalStateException(FONT + " is missing from PDFBox");
            }
            PDFont font = PDType0Font.load(doc, fontData);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("VET-NET record of " + t.learner());
            info.setCreator("VET-NET");
            Writer w = new Writer(doc, font);
            w.line("VET-NET: record of learning", 18);
            w.line(t.learner(), 13);
            w.line("Printed on " + DATE.format(printed) + ". Credits: ECTS, one credit for 25 to 30 hours of work; ECVET points counted alike.", 9);
            w.gap();
            if (t.programmes().isEmpty()) {
                w.line("No result recorded yet.", 11);
            }
            NumberFormat credits = NumberFormat.getNumberInstance(Locale.ENGLISH);
            credits.setMaximumFractionDigits(1);
            for (Transcript.ProgrammeRecord p : t.programmes()) {
                w.line(p.title(), 14);
                if (p.organisation() != null) {
                    w.line("Awarded by " + p.organisation(), 10);
                }
                for (Transcript.ModuleRecord m : p.modules()) {
                    String kind = m.kind() == Result.Kind.RECOGNISED ? "recognised informal learning" : "formal";
                    String outcome = m.passed() ? (m.grade() == null || m.grade().isBlank() ? "passed" : "grade " + m.grade()) : "not passed";
                    w.line("- " + m.title() + " (EQF level " + m.eqfLevel() + "): " + outcome + ", " + credits.format(m.ectsCredits()) + " ECTS, "
                            + credits.format(m.ecvetPoints()) + " ECVET points, " + kind, 11);
                }
                w.line("Earned " + credits.format(p.ectsEarned()) + " of " + credits.format(p.ectsAvailable()) + " ECTS credits ("
                        + credits.format(p.ectsRecognised()) + " recognised), " + credits.format(p.ecvetEarned()) + " ECVET points"
                        + (p.complete() ? ". Programme complete." : "."), 11);
                w.gap();
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines top to bottom, wrapped to the page's width, a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDFont font;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc, PDFont font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        void line(String text, float size) throws IOException {
            for (String part : wrap(text, size)) {
                if (y - LEADING < MARGIN) {
                    stream.close();
                    newPage();
                }
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(part);
                stream.endText();
                y -= Math.max(LEADING, size * 1.35f);
            }
        }

        void gap() {
            y -= LEADING / 2;
        }

        void close() throws IOException {
            stream.close();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        private List<String> wrap(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.replaceAll("[\\p{Cntrl}]", " ").split(" ")) {
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
    }
}
