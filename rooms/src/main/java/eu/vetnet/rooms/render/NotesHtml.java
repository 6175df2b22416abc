package eu.vetnet.rooms.render;

import eu.vetnet.rooms.render.NotesTree.Element;
import eu.vetnet.rooms.render.NotesTree.Node;
import eu.vetnet.rooms.render.NotesTree.Text;
import java.util.List;
import java.util.Map;

/**
 * The room's document as a standalone HTML page: the editor's nodes as their HTML elements, marks as inline
 * elements, links only to http(s) and mailto addresses (anything else is kept as text: a file never runs a script).
 */
public final class NotesHtml {

    private static final Map<String, String> BLOCKS = Map.of("paragraph", "p", "bulletList", "ul", "orderedList", "ol", "listItem", "li",
            "blockquote", "blockquote", "table", "table", "tableRow", "tr", "tableHeader", "th", "tableCell", "td");

    private NotesHtml() {
    }

    public static String page(String title, String language, List<Node> nodes) {
        return "<!DOCTYPE html>\n<html lang=\"" + Svg.text(language) + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Svg.text(title)
                + "</title>\n<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;line-height:1.5;color:#1d2733}"
                + "table{border-collapse:collapse}th,td{border:1px solid #c3cad3;padding:4px 8px}</style>\n</head>\n<body>\n<h1>"
                + Svg.text(title) + "</h1>\n" + body(nodes) + "</body>\n</html>\n";
    }

    public static String body(List<Node> nodes) {
        StringBuilder out = new StringBuilder();
        for (Node n : nodes) {
            node(out, n);
        }
        return out.toString();
    }

    private static void node(StringBuilder out, Node n) {
        if (n instanceof Text t) {
            text(out, t);
            return;
        }
        Element e = (Element) n;
        switch (e.name()) {
            case "heading" -> {
                int level = Math.max(1, Math.min(6, NotesTree.intAttribute(e, "level", 1)));
                out.append("<h").append(level).append('>');
                children(out, e);
                out.append("</h").append(level).append(">\n");
            }
            case "codeBlock" -> out.append("<pre><code>").append(Svg.text(NotesTree.plain(e.children()))).append("</code></pre>\n");
            case "horizontalRule" -> out.append("<hr>\n");
            case "hardBreak" -> out.append("<br>");
            default -> {
                String tag = BLOCKS.get(e.name());
                if (tag == null) {
                    children(out, e);
                    return;
                }
                out.append('<').append(tag);
                if (tag.equals("ol") && NotesTree.intAttribute(e, "start", 1) != 1) {
                    out.append(" start=\"").append(NotesTree.intAttribute(e, "start", 1)).append('"');
                }
                out.append('>');
                children(out, e);
                out.append("</").append(tag).append(tag.equals("p") || tag.equals("li") || tag.equals("tr") ? ">\n" : ">");
                if (tag.equals("ul") || tag.equals("ol") || tag.equals("table") || tag.equals("blockquote")) {
                    out.append('\n');
                }
            }
        }
    }

    private static void children(StringBuilder out, Element e) {
        for (Node c : e.children()) {
            node(out, c);
        }
    }

    private static void text(StringBuilder out, Text t) {
        String s = Svg.text(t.text());
        if (t.marks().containsKey("code")) {
            s = "<code>" + s + "</code>";
        }
        if (t.marks().containsKey("bold")) {
            s = "<strong>" + s + "</strong>";
        }
        if (t.marks().containsKey("italic")) {
            s = "<em>" + s + "</em>";
        }
        if (t.marks().containsKey("underline")) {
            s = "<u>" + s + "</u>";
        }
        if (t.marks().containsKey("strike")) {
            s = "<s>" + s + "</s>";
        }
        Object href = t.marks().containsKey("link") ? t.marks().get("link").get("href") : null;
        if (href instanceof String h && safeHref(h)) {
            s = "<a href=\"" + Svg.text(h) + "\">" + s + "</a>";
        }
        out.append(s);
    }

    /** Whether a link may be one in an exported file: http(s) or mailto only. */
    static boolean safeHref(String href) {
        return href.matches("(?i)(https?://|mailto:)[^\\s]{1,2000}");
    }
}
