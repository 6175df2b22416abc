package eu.vetnet.community.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * What members write in Markdown, as HTML safe to put in a page: commonmark-java with raw HTML escaped and unsafe
 * link schemes (javascript:, data:...) dropped. The one rendering used by public pages and the API's {@code *Html}.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private Markdown() {
    }

    public static String toHtml(String markdown) {
        return markdown == null ? "" : HTML.render(PARSER.parse(markdown));
    }

    /** Plain text (a summary, a feed entry): the words without the marks, at most {@code max} characters. */
    public static String toText(String markdown, int max) {
        String text = markdown == null ? "" : TEXT.render(PARSER.parse(markdown)).replaceAll("\\s+", " ").strip();
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)).stripTrailing() + "…";
    }
}
