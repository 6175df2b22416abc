package eu.vetnet.rooms.render;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YXmlElement;
import eu.vetnet.crdt.types.YXmlFragment;
import eu.vetnet.crdt.types.YXmlText;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A document written as the editor writes it (y-prosemirror's XML: element per node, marks as text attributes), read
 * by the Java engine and written as Markdown, HTML and PDF.
 */
class NotesRenderTests {

    /** Adds an element to a parent and answers it (elements take content once they are in the document). */
    static YXmlElement element(YXmlFragment parent, String name) {
        YXmlElement e = new YXmlElement(name);
        parent.insert(parent.length(), List.of(e));
        return e;
    }

    static YXmlText text(YXmlFragment parent, String text) {
        YXmlText t = new YXmlText();
        parent.insert(parent.length(), List.of(t));
        t.insert(0, text);
        return t;
    }

    static List<NotesTree.Node> document() {
        YDoc doc = new YDoc();
        YXmlFragment root = doc.getXmlFragment(NotesTree.FRAGMENT);
        YXmlElement heading = element(root, "heading");
        heading.setAttribute("level", 2);
        text(heading, "Decisions");
        YXmlElement p = element(root, "paragraph");
        YXmlText run = text(p, "We agreed ");
        run.insert(run.length(), "three", Map.of("bold", Map.of()));
        // Yjs carries the formatting before an insertion on unless told otherwise, as y-prosemirror does.
        Map<String, Object> plain = new java.util.HashMap<>();
        plain.put("bold", null);
        run.insert(run.length(), " steps, see ", plain);
        run.insert(run.length(), "the plan", Map.of("link", Map.of("href", "https://example.org/plan")));
        element(p, "hardBreak");
        text(p, "next line");
        YXmlElement bullets = element(root, "bulletList");
        for (String item : List.of("Owner: Alice", "Due *Friday*")) {
            text(element(element(bullets, "listItem"), "paragraph"), item);
        }
        YXmlElement ordered = element(root, "orderedList");
        ordered.setAttribute("start", 3);
        text(element(element(ordered, "listItem"), "paragraph"), "Third");
        YXmlElement table = element(root, "table");
        YXmlElement head = element(table, "tableRow");
        text(element(element(head, "tableHeader"), "paragraph"), "Who");
        text(element(element(head, "tableHeader"), "paragraph"), "What");
        YXmlElement row = element(table, "tableRow");
        text(element(element(row, "tableCell"), "paragraph"), "Alice");
        text(element(element(row, "tableCell"), "paragraph"), "Pilot | test");
        text(element(root, "paragraph"), "- not a list");
        text(element(root, "codeBlock"), "x < 1");
        text(element(element(root, "blockquote"), "paragraph"), "Quoted");
        YXmlElement bad = element(root, "paragraph");
        YXmlText badRun = new YXmlText();
        bad.insert(0, List.of(badRun));
        badRun.insert(0, "bad link", Map.of("link", Map.of("href", "javascript:alert(1)")));
        return NotesTree.read(root);
    }

    @Test
    void markdownSaysEachBlockAndMarkAsCommonMarkDoes() {
        String md = NotesMarkdown.render(document());
        assertThat(md).startsWith("## Decisions\n\n");
        assertThat(md).contains("We agreed **three** steps, see [the plan](<https://example.org/plan>)\\\nnext line\n\n");
        assertThat(md).contains("- Owner: Alice\n- Due \\*Friday\\*\n\n");
        assertThat(md).contains("3. Third\n\n");
        assertThat(md).contains("| Who | What |\n| --- | --- |\n| Alice | Pilot \\| test |\n\n");
        assertThat(md).contains("\n\\- not a list\n\n");
        assertThat(md).contains("```\nx < 1\n```\n\n");
        assertThat(md).contains("> Quoted\n");
        // A link to anything but http(s) or mailto stays text.
        assertThat(md).contains("bad link").doesNotContain("javascript");
    }

    @Test
    void htmlIsAPageWithTheEditorsElementsAndNoScriptLinks() {
        String html = NotesHtml.page("Workshop <notes>", "it", document());
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"it\">").contains("<title>Workshop &lt;notes&gt;</title>");
        assertThat(html).contains("<h2>Decisions</h2>", "<strong>three</strong>", "<a href=\"https://example.org/plan\">the plan</a><br>next line",
                "<ul><li><p>Owner: Alice</p>", "<ol start=\"3\">", "<th><p>Who</p>", "<td><p>Pilot | test</p>", "<pre><code>x &lt; 1</code></pre>",
                "<blockquote><p>Quoted</p>");
        assertThat(html).contains("bad link").doesNotContain("javascript");
    }

    @Test
    void thePdfHoldsEveryParagraphAsText() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(NotesPdf.render("Workshop notes", document()))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Workshop notes", "Decisions", "We agreed three steps, see the plan", "next line", "• Owner: Alice",
                    "3. Third", "| Who | What |", "| Alice | Pilot | test |", "x < 1", "Quoted", "bad link");
        }
    }
}
