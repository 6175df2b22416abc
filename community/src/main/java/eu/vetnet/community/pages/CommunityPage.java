package eu.vetnet.community.pages;

import eu.vetnet.community.communities.Community;
import eu.vetnet.community.communities.CommunityViews;
import eu.vetnet.community.web.Markdown;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A community's public page ({@code /c/{slug}}, docs/community.md, "Public pages"): what it is about, how many
 * belong, its moderators' names (they speak for it), the titles and times of its sessions (never the rooms), and
 * its published practices. Discussions and members stay inside VET-NET.
 */
public final class CommunityPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final String publicUrl;

    public CommunityPage(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String render(CommunityViews.Home home, Community c, String lang) {
        String url = publicUrl + "/c/" + c.slug();
        String summary = Markdown.toText(c.description(), 300);
        StringBuilder h = new StringBuilder(8_192);
        PageFrame.head(h, lang, c.name() + " · " + PageFrame.label(lang, "communities"));
        h.append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").append(Html.escape(c.name()))
                .append("\" href=\"/feeds/communities/").append(Html.escape(c.slug())).append(".atom\">\n")
                .append("<meta name=\"description\" content=\"").append(Html.escape(summary)).append("\">\n")
                .append("<link rel=\"canonical\" href=\"").append(Html.escape(url)).append("\">\n")
                .append("<meta property=\"og:type\" content=\"website\">\n<meta property=\"og:site_name\" content=\"VET-NET\">\n")
                .append("<meta property=\"og:title\" content=\"").append(Html.escape(c.name())).append("\">\n")
                .append("<meta property=\"og:description\" content=\"").append(Html.escape(summary)).append("\">\n")
                .append("<meta property=\"og:url\" content=\"").append(Html.escape(url)).append("\">\n</head>\n<body>\n");
        PageFrame.header(h, lang, "/c/" + c.slug());
        h.append("<main>\n<h1>").append(Html.escape(c.name())).append("</h1>\n");
        if (c.demo()) {
            h.append("<p class=\"demo\"><strong>").append(PageFrame.label(lang, "demoCommunity")).append("</strong></p>\n");
        }
        h.append("<div class=\"description\">").append(Markdown.toHtml(c.description())).append("</div>\n");
        h.append("<p>").append(PageFrame.label(lang, "members")).append(": ").append(c.memberCount()).append(" · ")
                .append(PageFrame.label(lang, "moderators")).append(": ")
                .append(Html.escape(String.join(", ", c.moderators().stream().map(Community.Person::name).toList()))).append("</p>\n");
        sessions(h, "upcoming", PageFrame.label(lang, "upcoming"), home.upcomingSessions(), lang);
        sessions(h, "past", PageFrame.label(lang, "past"), home.pastSessions(), lang);
        h.append("<section aria-labelledby=\"practices\"><h2 id=\"practices\">").append(PageFrame.label(lang, "practices")).append("</h2>\n");
        if (home.practices().isEmpty()) {
            h.append("<p>").append(PageFrame.label(lang, "none")).append("</p>\n");
        } else {
            h.append("<ul>\n");
            for (Community.LinkedPractice p : home.practices()) {
                h.append("<li><a href=\"/practices/").append(Html.escape(p.slug())).append("\">").append(Html.escape(p.title())).append("</a>")
                        .append(" — ").append(Html.escape(p.summary())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n<p><a href=\"/communities/").append(Html.escape(c.slug())).append("\">").append(PageFrame.label(lang, "joinInApp"))
                .append("</a> · <a href=\"/feeds/communities/").append(Html.escape(c.slug())).append(".atom\">")
                .append(PageFrame.label(lang, "communityFeed")).append("</a></p>\n</main>\n");
        PageFrame.footer(h, lang);
        return h.toString();
    }

    private static void sessions(StringBuilder h, String id, String title, List<Community.Session> sessions, String lang) {
        h.append("<section aria-labelledby=\"").append(id).append("\"><h2 id=\"").append(id).append("\">").append(title).append("</h2>\n");
        if (sessions.isEmpty()) {
            h.append("<p>").append(PageFrame.label(lang, "none")).append("</p>\n</section>\n");
            return;
        }
        h.append("<ul>\n");
        for (Community.Session s : sessions) {
            h.append("<li>").append(Html.escape(s.title())).append(" — <time datetime=\"").append(s.start()).append("\">")
                    .append(WHEN.format(s.start())).append("</time></li>\n");
        }
        h.append("</ul>\n</section>\n");
    }
}
