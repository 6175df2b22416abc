package eu.vetnet.community.pages;

import eu.vetnet.community.reference.ReferenceData;
import eu.vetnet.community.search.PracticeHit;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The library's Atom feed (RFC 4287) and sitemap (sitemaps.org 0.9), written with the JDK's XML writer so every text
 * is escaped. Both list published practices only: the index holds nothing else.
 */
public final class LibraryFeeds {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** URLs per sitemap file, under the protocol's 50,000. */
    public static final int SITEMAP_PAGE = 40_000;

    private final ReferenceData reference;
    private final String publicUrl;

    public LibraryFeeds(ReferenceData reference, String publicUrl) {
        this.reference = reference;
        this.publicUrl = publicUrl;
    }

    /** The newest practices, newest first. */
    public String atom(List<PracticeHit> newest) {
        return xml(w -> {
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            text(w, "id", publicUrl + "/feeds/library.atom");
            text(w, "title", "VET-NET best-practice library");
            text(w, "subtitle", "Practices published by the Community of VET's Practices");
            Instant updated = newest.stream().map(PracticeHit::publishedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
            text(w, "updated", updated.toString());
            link(w, "self", publicUrl + "/feeds/library.atom", "application/atom+xml");
            link(w, "alternate", publicUrl + "/library", "text/html");
            for (PracticeHit p : newest) {
                w.writeStartElement("entry");
                text(w, "id", "urn:uuid:" + p.id());
                text(w, "title", p.title());
                link(w, "alternate", publicUrl + "/practices/" + p.slug(), "text/html");
                text(w, "published", p.publishedAt().toString());
                text(w, "updated", p.publishedAt().toString());
                w.writeStartElement("author");
                text(w, "name", p.organisation());
                w.writeEndElement();
                w.writeStartElement("summary");
                w.writeAttribute("xml:lang", p.language());
                w.writeCharacters(p.summary());
                w.writeEndElement();
                w.writeEmptyElement("category");
                w.writeAttribute("term", p.sector());
                w.writeAttribute("label", reference.englishName("nace", "sections", ReferenceData.sectionOf(p.sector())));
                text(w, "rights", reference.licenceShort(p.licence()));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** A community's feed: the practices linked to it, newest link first. */
    public String communityAtom(eu.vetnet.community.communities.Community c) {
        return xml(w -> {
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            text(w, "id", publicUrl + "/feeds/communities/" + c.slug() + ".atom");
            text(w, "title", c.name() + " · VET-NET");
            text(w, "updated", c.updatedAt().toString());
            link(w, "self", publicUrl + "/feeds/communities/" + c.slug() + ".atom", "application/atom+xml");
            link(w, "alternate", publicUrl + "/c/" + c.slug(), "text/html");
            w.writeStartElement("author");
            text(w, "name", c.name());
            w.writeEndElement();
            for (var p : c.practices().subList(0, Math.min(50, c.practices().size()))) {
                w.writeStartElement("entry");
                text(w, "id", "urn:uuid:" + p.id());
                text(w, "title", p.title());
                link(w, "alternate", publicUrl + "/practices/" + p.slug(), "text/html");
                text(w, "updated", c.updatedAt().toString());
                text(w, "summary", p.summary());
                text(w, "rights", reference.licenceShort(p.licence()));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** The communities' public pages, for the sitemap. */
    public String communitiesSitemap(java.util.List<eu.vetnet.community.communities.Community> communities) {
        return xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP);
            for (var c : communities) {
                w.writeStartElement("url");
                text(w, "loc", publicUrl + "/c/" + c.slug());
                text(w, "lastmod", c.updatedAt().toString());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** The sitemap index: the communities' file, then one file per {@link #SITEMAP_PAGE} practices. */
    public String sitemapIndex(int practices) {
        int files = Math.max(1, (practices + SITEMAP_PAGE - 1) / SITEMAP_PAGE);
        return xml(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(SITEMAP);
            w.writeStartElement("sitemap");
            text(w, "loc", publicUrl + "/sitemaps/communities.xml");
            w.writeEndElement();
            for (int i = 0; i < files; i++) {
                w.writeStartElement("sitemap");
                text(w, "loc", publicUrl + "/sitemaps/library-" + i + ".xml");
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** One sitemap file: the library's search page (first file) and practices. */
    public String sitemap(boolean withLibraryPage, List<PracticeHit> practices) {
        return xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP);
            if (withLibraryPage) {
                w.writeStartElement("url");
                text(w, "loc", publicUrl + "/library");
                w.writeEndElement();
            }
            for (PracticeHit p : practices) {
                w.writeStartElement("url");
                text(w, "loc", publicUrl + "/practices/" + p.slug());
                text(w, "lastmod", p.publishedAt().toString());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private interface Writing {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String xml(Writing body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write XML", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value == null ? "" : value);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", href);
        w.writeAttribute("type", type);
    }
}
