package eu.vetnet.community.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.community.Corpus;
import eu.vetnet.community.TestReference;
import eu.vetnet.community.library.Practice;
import eu.vetnet.community.library.PracticeContent;
import eu.vetnet.community.search.PracticeHit;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class PracticePageTests {

    private final PracticePage page = new PracticePage(TestReference.DATA, "https://vetnet.example");
    private final LibraryFeeds feeds = new LibraryFeeds(TestReference.DATA, "https://vetnet.example");

    private static Practice hostile() {
        PracticeContent c = new PracticeContent("<script>alert('t')</script> & \"quotes\"", "Summary with <b>tags</b>\" onload=\"x",
                "Raw <img src=x onerror=alert(1)> and [a link](javascript:alert(2)) and **bold**", "", "", "", "C16", 4, "IT", "ITH3",
                "it", "Org <i>", "VET_PROVIDER", List.of(new PracticeContent.Link("<b>label</b>", "https://example.org/?a=1&b=\"2\"")));
        return Corpus.published(1, c, "CC-BY-4.0");
    }

    @Test
    void whatMembersWroteCannotScriptThePage() {
        String html = page.render(hostile(), "en");
        assertFalse(html.contains("<script>alert"), "a title's script tag is escaped");
        assertFalse(html.contains("<img src=x"), "raw HTML in Markdown is escaped");
        assertFalse(html.contains("javascript:"), "unsafe link schemes are dropped");
        assertFalse(html.contains("<b>"), "no member's tag reaches the page");
        assertFalse(html.contains("\" onload=\""), "an attribute cannot be broken out of");
        assertTrue(html.contains("<strong>bold</strong>"), "Markdown still renders");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"));
    }

    @Test
    void linkPreviewsAndLicenceAreInTheHead() {
        Practice p = Corpus.practices().get(0);
        String html = page.render(p, "de");
        assertTrue(html.contains("<html lang=\"de\">"), "the page around the practice is in the reader's language");
        assertTrue(html.contains("<article lang=\"en\">"), "the practice keeps its own language");
        assertTrue(html.contains("<meta property=\"og:title\" content=\"Mentor pool for micro enterprises\">"));
        assertTrue(html.contains("<meta property=\"og:url\" content=\"https://vetnet.example/practices/practice-1\">"));
        assertTrue(html.contains("<link rel=\"canonical\" href=\"https://vetnet.example/practices/practice-1\">"));
        assertTrue(html.contains("<link rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">"));
        assertTrue(html.contains("Lizenz") || html.contains("Bedingungen"), "German labels");
        assertFalse(html.contains("class=\"demo\""), "only demo practices say they are demo data");
    }

    @Test
    void demoPracticesSaySo() {
        Practice p = Corpus.practices().get(0);
        Practice demo = new Practice(p.id(), p.slug(), 1, p.status(), p.content(), p.licence(), p.authors(), 0, p.createdAt(),
                p.updatedAt(), p.publishedAt(), true);
        assertTrue(page.render(demo, "it").contains("Dati dimostrativi"));
    }

    @Test
    void theReadersLanguageIsChosenFromTheRequest() {
        assertEquals("it", PageLabels.language("it", List.of()));
        assertEquals("de", PageLabels.language(null, Locale.LanguageRange.parse("fr-FR,de;q=0.8,en;q=0.5")));
        assertEquals("en", PageLabels.language("xx", Locale.LanguageRange.parse("fr")));
    }

    @Test
    void theFeedIsWellFormedAtom() throws Exception {
        List<PracticeHit> hits = List.of(PracticeHit.of(hostile()), PracticeHit.of(Corpus.practices().get(1)));
        Document feed = parse(feeds.atom(hits));
        assertEquals(LibraryFeeds.ATOM, feed.getDocumentElement().getNamespaceURI());
        assertEquals("feed", feed.getDocumentElement().getLocalName());
        assertEquals(2, feed.getElementsByTagNameNS(LibraryFeeds.ATOM, "entry").getLength());
        assertEquals("<script>alert('t')</script> & \"quotes\"",
                feed.getElementsByTagNameNS(LibraryFeeds.ATOM, "entry").item(0).getFirstChild().getNextSibling().getTextContent());
    }

    @Test
    void theSitemapListsEveryPracticeInFilesOfAtMost40000() throws Exception {
        Document index = parse(feeds.sitemapIndex(85_000));
        assertEquals(1 + 3, index.getElementsByTagNameNS(LibraryFeeds.SITEMAP, "sitemap").getLength(), "the communities, then 85,000 practices in 3 files");
        Document one = parse(feeds.sitemap(true, List.of(PracticeHit.of(Corpus.practices().get(0)))));
        assertEquals(2, one.getElementsByTagNameNS(LibraryFeeds.SITEMAP, "url").getLength());
        assertEquals("https://vetnet.example/practices/practice-1", one.getElementsByTagNameNS(LibraryFeeds.SITEMAP, "loc").item(1).getTextContent());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
