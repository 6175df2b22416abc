package eu.vetnet.rooms.render;

import eu.vetnet.rooms.render.NotesTree.Element;
import eu.vetnet.rooms.render.NotesTree.Node;
import eu.vetnet.rooms.render.NotesTree.Text;
import java.util.List;

/**
 * The room's document as Markdown (CommonMark, with GitHub's tables and strikethrough): headings, paragraphs, lists
 * (nested), quotes, code blocks, rules, tables, and bold, italic, strikethrough, code and links. What Markdown cannot
 * say (underline) is kept as plain text; characters Markdown would read as markup are escaped.
 */
public final class NotesMarkdown {

    private NotesMarkdown() {
    }

    public static String render(List<Node> nodes) {
        StringBuilder out = new StringBuilder();
        blocks(out, nodes, "");
        String s = out.toString().replaceAll("\n{3,}", "\n\n").strip();
        return s.isEmpty() ? "" : s + "\n";
    }

    private static void blocks(StringBuilder out, List<Node> nodes, String indent) {
        for (Node n : nodes) {
            if (n instanceof Element e) {
                block(out, e, indent);
            } else if (n instanceof Text t) {
                out.append(indent).append(inline(List.of(t), false)).append("\n\n");
            }
        }
    }

    private static void block(StringBuilder out, Element e, String indent) {
        switch (e.name()) {
            case "heading" -> out.append(indent).append("#".repeat(Math.max(1, Math.min(6, NotesTree.intAttribute(e, "level", 1))))).append(' ')
                    .append(inline(e.children(), false)).append("\n\n");
            case "bulletList", "orderedList" -> {
                int number = NotesTree.intAttribute(e, "start", 1);
                boolean ordered = e.name().equals("orderedList");
                for (Node item : e.children()) {
                    if (!(item instanceof Element li)) {
                        continue;
                    }
                    String marker = ordered ? (number++) + ". " : "- ";
                    StringBuilder inner = new StringBuilder();
                    blocks(inner, li.children(), "");
                    String[] lines = inner.toString().strip().split("\n", -1);
                    String pad = " ".repeat(marker.length());
                    for (int i = 0; i < lines.length; i++) {
                        out.append(indent).append(i == 0 ? marker : lines[i].isEmpty() ? "" : pad).append(lines[i]).append('\n');
                    }
                }
                out.append('\n');
            }
            case "blockquote" -> {
                StringBuilder inner = new StringBuilder();
                blocks(inner, e.children(), "");
                for (String line : inner.toString().strip().split("\n", -1)) {
                    out.append(indent).append(line.isEmpty() ? ">" : "> " + line).append('\n');
                }
                out.append('\n');
            }
            case "codeBlock" -> {
                String code = NotesTree.plain(e.children());
                String fence = code.contains("```") ? "~~~~" : "```";
                out.append(indent).append(fence).append('\n').append(code).append('\n').append(indent).append(fence).append("\n\n");
            }
            case "horizontalRule" -> out.append(indent).append("---\n\n");
            case "table" -> table(out, e, indent);
            case "paragraph" -> out.append(indent).append(literalStart(inline(e.children(), false))).append("\n\n");
            default -> blocks(out, e.children(), indent);
        }
    }

    private static void table(StringBuilder out, Element table, String indent) {
        boolean first = true;
        for (Node row : table.children()) {
            if (!(row instanceof Element tr)) {
                continue;
            }
            StringBuilder line = new StringBuilder(indent).append('|');
            int cells = 0;
            for (Node cell : tr.children()) {
                if (cell instanceof Element td) {
                    StringBuilder content = new StringBuilder();
                    for (Node p : td.children()) {
                        String text = p instanceof Element pe ? inline(pe.children(), true) : inline(List.of(p), true);
                        if (!text.isBlank()) {
                            content.append(content.isEmpty() ? "" : "<br>").append(text);
                        }
                    }
                    line.append(' ').append(content).append(" |");
                    cells++;
                }
            }
            out.append(line).append('\n');
            if (first) {
                out.append(indent).append('|').append(" --- |".repeat(Math.max(1, cells))).append('\n');
                first = false;
            }
        }
        out.append('\n');
    }

    /** Text runs with their marks; a hard break is a backslash line end. */
    static String inline(List<Node> nodes, boolean inTable) {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            if (n instanceof Text t) {
                if (t.text().isEmpty()) {
                    continue;
                }
                String s = escape(t.text(), inTable);
                if (t.marks().containsKey("code")) {
                    s = "`" + t.text().replace("`", "'") + "`";
                }
                if (t.marks().containsKey("bold")) {
                    s = "**" + s + "**";
                }
                if (t.marks().containsKey("italic")) {
                    s = "*" + s + "*";
                }
                if (t.marks().containsKey("strike")) {
                    s = "~~" + s + "~~";
                }
                Object href = t.marks().containsKey("link") ? t.marks().get("link").get("href") : null;
                if (href instanceof String h && NotesHtml.safeHref(h)) {
                    s = "[" + s + "](<" + h.replace("<", "%3C").replace(">", "%3E") + ">)";
                }
                sb.append(s);
            } else if (n instanceof Element e && e.name().equals("hardBreak")) {
                sb.append(inTable ? "<br>" : "\\\n");
            } else if (n instanceof Element e) {
                sb.append(inline(e.children(), inTable));
            }
        }
        return sb.toString();
    }

    /** A paragraph that starts like a list item or a rule ("- ", "1. ", "+ ") stays a paragraph. */
    private static String literalStart(String text) {
        return text.matches("(?s)([-+]|\\d{1,9}[.)])(\\s.*)?") ? "\\" + text : text;
    }

    private static String escape(String text, boolean inTable) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>#~".indexOf(c) >= 0 || (inTable && c == '|')) {
                sb.append('\\');
            }
            sb.append(c == '\n' ? ' ' : c);
        }
        return sb.toString();
    }
}
