package eu.vetnet.community.pages;

import eu.vetnet.community.library.Practice;
import eu.vetnet.community.reference.ReferenceData;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import eu.vetnet.community.web.Markdown;

/**
 * The public page of a published practice (docs/community.md, "Public pages"): complete HTML from the server, so that
 * search engines, link previews (OpenGraph) and readers without JavaScript get all of it. Members' Markdown is
 * rendered with raw HTML escaped and unsafe link schemes dropped; every other text is escaped.
 */
public final class PracticePage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final ReferenceData reference;
    private final String publicUrl;

    public PracticePage(ReferenceData reference, String publicUrl) {
        this.reference = reference;
        this.publicUrl = publicUrl;
    }

    public String render(Practice p, String lang) {
        var c = p.content();
        String url = publicUrl + "/practices/" + p.slug();
        StringBuilder h = new StringBuilder(8_192);
        PageFrame.head(h, lang, c.title() + " · " + PageFrame.label(lang, "library"));
        h.append("<meta name=\"description\" content=\"").append(Html.escape(c.summary())).append("\">\n")
                .append("<link rel=\"canonical\" href=\"").append(Html.escape(url)).append("\">\n")
                .append("<meta property=\"og:type\" content=\"article\">\n")
                .append("<meta property=\"og:site_name\" content=\"VET-NET\">\n")
                .append("<meta property=\"og:title\" content=\"").append(Html.escape(c.title())).append("\">\n")
                .append("<meta property=\"og:description\" content=\"").append(Html.escape(c.summary())).append("\">\n")
                .append("<meta property=\"og:url\" content=\"").append(Html.escape(url)).append("\">\n")
                .append("<meta property=\"article:published_time\" content=\"").append(p.publishedAt()).append("\">\n")
                .append("<meta property=\"article:section\" content=\"").append(Html.escape(sectorName(c.sector()))).append("\">\n");
        if (reference.licenceUrl(p.licence()) != null) {
            h.append("<link rel=\"license\" href=\"").append(Html.escape(reference.licenceUrl(p.licence()))).append("\">\n");
        }
        h.append("</head>\n<body>\n");
        PageFrame.header(h, lang, "/practices/" + p.slug());
        h.append("<main>\n<article lang=\"").append(Html.escape(c.language())).append("\">\n<h1>").append(Html.escape(c.title())).append("</h1>\n");
        if (p.isDemo()) {
            h.append("<p class=\"demo\" lang=\"").append(lang).append("\"><strong>").append(PageFrame.label(lang, "demo")).append("</strong></p>\n");
        }
        h.append("<p class=\"summary\">").append(Html.escape(c.summary())).append("</p>\n");
        h.append("<section lang=\"").append(lang).append("\" aria-labelledby=\"details\"><h2 id=\"details\">").append(PageFrame.label(lang, "details")).append("</h2>\n<dl>\n");
        item(h, PageFrame.label(lang, "organisation"), c.organisation() + " (" + reference.englishName("organisation-types", "types", c.organisationType()) + ")");
        item(h, PageFrame.label(lang, "sector"), c.sector() + " " + sectorName(c.sector()));
        item(h, PageFrame.label(lang, "place"), reference.englishName("nuts", "countries", c.country())
                + (c.region() == null ? "" : ", " + reference.englishName("nuts", "regions", c.region())));
        if (c.eqfLevel() != null) {
            item(h, PageFrame.label(lang, "eqf"), String.valueOf(c.eqfLevel()));
        }
        item(h, PageFrame.label(lang, "language"), reference.englishName("languages", "languages", c.language()));
        item(h, PageFrame.label(lang, "published"), DAY.format(p.publishedAt()));
        item(h, PageFrame.label(lang, "endorsements"), String.valueOf(p.endorsements()));
        item(h, PageFrame.label(lang, "authors"), String.join(", ", p.authors().stream().map(Practice.Author::name).toList()));
        h.append("</dl>\n</section>\n");
        section(h, "problem", PageFrame.label(lang, "problem"), c.problem(), lang);
        section(h, "approach", PageFrame.label(lang, "approach"), c.approach(), lang);
        section(h, "results", PageFrame.label(lang, "results"), c.results(), lang);
        section(h, "evidence", PageFrame.label(lang, "evidence"), c.evidence(), lang);
        if (!c.links().isEmpty()) {
            h.append("<section aria-labelledby=\"links\"><h2 id=\"links\" lang=\"").append(lang).append("\">").append(PageFrame.label(lang, "links")).append("</h2>\n<ul>\n");
            for (var link : c.links()) {
                h.append("<li><a href=\"").append(Html.escape(link.url())).append("\" rel=\"nofollow\">").append(Html.escape(link.label())).append("</a></li>\n");
            }
            h.append("</ul>\n</section>\n");
        }
        h.append("<p class=\"licence\" lang=\"").append(lang).append("\">").append(PageFrame.label(lang, "licenceText")).append(" <a rel=\"license\" href=\"")
                .append(Html.escape(reference.licenceUrl(p.licence()))).append("\">").append(Html.escape(reference.licenceShort(p.licence())))
                .append("</a>.</p>\n</article>\n</main>\n");
        PageFrame.footer(h, lang);
        return h.toString();
    }

    /** The page of an address with no published practice behind it (404), in the reader's language. */
    public String notFound(String lang) {
        StringBuilder h = new StringBuilder(2_048);
        PageFrame.head(h, lang, PageFrame.label(lang, "notFoundTitle") + " · " + PageFrame.label(lang, "library"));
        h.append("<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n");
        PageFrame.header(h, lang, null);
        h.append("<main>\n<h1>").append(PageFrame.label(lang, "notFoundTitle")).append("</h1>\n<p>").append(PageFrame.label(lang, "notFound"))
                .append("</p>\n<p><a href=\"/library\">").append(PageFrame.label(lang, "search")).append("</a></p>\n</main>\n");
        PageFrame.footer(h, lang);
        return h.toString();
    }

    private static void item(StringBuilder h, String term, String value) {
        h.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
    }

    private static void section(StringBuilder h, String id, String title, String markdown, String lang) {
        if (markdown == null || markdown.isBlank()) {
            return;
        }
        h.append("<section aria-labelledby=\"").append(id).append("\"><h2 id=\"").append(id).append("\" lang=\"").append(lang).append("\">")
                .append(title).append("</h2>\n").append(Markdown.toHtml(markdown)).append("</section>\n");
    }

    private String sectorName(String sector) {
        return reference.englishName("nace", "sections", ReferenceData.sectionOf(sector));
    }


}
