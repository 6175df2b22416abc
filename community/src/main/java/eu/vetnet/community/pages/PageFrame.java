package eu.vetnet.community.pages;

/**
 * What every public page of the community server has around its content: the head (title, feed link, a stylesheet
 * readable without the app's), the header with the language switcher, the footer; labels in the reader's language.
 */
final class PageFrame {

    private PageFrame() {
    }

    static void head(StringBuilder h, String lang, String title) {
        h.append("<!doctype html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(Html.escape(title)).append("</title>\n")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").append(label(lang, "library"))
                .append("\" href=\"/feeds/library.atom\">\n<style>").append(STYLE).append("</style>\n");
    }

    static void header(StringBuilder h, String lang, String path) {
        h.append("<header>\n<p class=\"site\"><a href=\"/library\">").append(label(lang, "library")).append("</a></p>\n<nav aria-label=\"")
                .append(label(lang, "languages")).append("\">\n<ul class=\"langs\">\n");
        for (String l : PageLabels.LANGUAGES) {
            String name = switch (l) { case "it" -> "Italiano"; case "de" -> "Deutsch"; default -> "English"; };
            h.append("<li><a lang=\"").append(l).append("\" hreflang=\"").append(l).append("\" href=\"?lang=").append(l).append("\"")
                    .append(l.equals(lang) ? " aria-current=\"true\"" : "").append(">").append(name).append("</a></li>\n");
        }
        h.append("</ul>\n</nav>\n</header>\n");
    }

    static void footer(StringBuilder h, String lang) {
        h.append("<footer>\n<p><a href=\"/library\">").append(label(lang, "search")).append("</a> · <a href=\"/feeds/library.atom\">")
                .append(label(lang, "feed")).append("</a></p>\n</footer>\n</body>\n</html>\n");
    }

    static String label(String lang, String key) {
        return Html.escape(PageLabels.get(lang, key));
    }

    /** Readable without the app's stylesheet: system fonts, a measure, contrast above WCAG AA. */
    static final String STYLE = "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1a1a1a;background:#fff}"
            + "header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}header{display:flex;justify-content:space-between;"
            + "align-items:center;border-bottom:1px solid #ccc}.langs{display:flex;gap:.75rem;list-style:none;padding:0}"
            + "a{color:#0b4f8a}a:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}.summary{font-size:1.15rem}"
            + ".demo{background:#fff4cc;border:1px solid #8a6d00;padding:.5rem}dl{display:grid;grid-template-columns:max-content 1fr;"
            + "gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}footer{border-top:1px solid #ccc;margin-top:2rem}";
}
