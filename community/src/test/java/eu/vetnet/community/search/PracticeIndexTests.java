package eu.vetnet.community.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.community.Corpus;
import eu.vetnet.community.library.Practice;
import eu.vetnet.identity.api.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Search relevance and facets on the fixed corpus ({@link Corpus}): each case has one right answer. */
class PracticeIndexTests {

    private PracticeIndex index;

    @BeforeEach
    void fill() {
        index = new PracticeIndex(null, JsonMapper.builder().findAndAddModules().build());
        Corpus.practices().forEach(index::put);
        index.refresh();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private SearchResult search(String text, Map<String, List<String>> filters) {
        return index.search(new SearchQuery(text, filters, 0, 20));
    }

    private List<String> slugs(SearchResult r) {
        return r.hits().stream().map(PracticeHit::slug).toList();
    }

    @Test
    void everythingNewestFirstWithoutWords() {
        SearchResult r = search("", Map.of());
        assertEquals(7, r.total());
        assertEquals(List.of("practice-7", "practice-6", "practice-5", "practice-4", "practice-3", "practice-2", "practice-1"), slugs(r));
    }

    @Test
    void titleOutranksBody() {
        // "mentor" is in practice 1's title and summary, only in practice 4's body ("mentoring", stemmed).
        SearchResult r = search("mentor", Map.of());
        assertEquals("practice-1", r.hits().get(0).slug());
        assertTrue(slugs(r).contains("practice-4"), "English stemming finds 'mentoring' for 'mentor': " + slugs(r));
    }

    @Test
    void everyWordMustMatch() {
        assertEquals(List.of("practice-4"), slugs(search("carpentry CAD", Map.of())));
        assertEquals(0, search("carpentry upholsterers", Map.of()).total());
    }

    @Test
    void accentsAndCaseAreFolded() {
        // Typed without the umlaut and in capitals, "Qualität" still matches (practices 3 and 7); "qualita" finds the
        // Italian "qualità" (practice 2).
        assertEquals(List.of("practice-7", "practice-3"), slugs(search("QUALITAT", Map.of())));
        assertEquals(List.of("practice-2"), slugs(search("qualita", Map.of())));
    }

    @Test
    void eachLanguageIsStemmed() {
        // German: "Lehrling" finds "Lehrlinge"; Italian: "microimpresa" finds "microimprese"; English: the plural.
        assertEquals(List.of("practice-3"), slugs(search("Lehrling", Map.of())));
        assertEquals(List.of("practice-2"), slugs(search("microimpresa", Map.of())));
        assertTrue(slugs(search("apprentice", Map.of())).contains("practice-1"), "English: 'apprentice' finds 'apprentices'");
    }

    @Test
    void valuesOfOneFacetAreAlternativesAndFacetsNarrow() {
        assertEquals(List.of("practice-7", "practice-5", "practice-3"), slugs(search("", Map.of("sector", List.of("F", "P")))));
        assertEquals(List.of("practice-5", "practice-3"), slugs(search("", Map.of("sector", List.of("F", "P"), "country", List.of("DE")))));
        assertEquals(List.of("practice-6", "practice-2", "practice-1"), slugs(search("", Map.of("sector", List.of("C"),
                "licence", List.of("CC-BY-4.0", "CC-BY-SA-4.0"), "eqfLevel", List.of("3", "4"), "country", List.of("IT", "ES")))));
        // Words and facets together.
        assertEquals(List.of("practice-4"), slugs(search("mentoring", Map.of("country", List.of("AT")))));
    }

    @Test
    void facetCountsIgnoreTheirOwnFilter() {
        SearchResult r = search("", Map.of("country", List.of("DE")));
        assertEquals(2, r.total());
        // The country facet still counts every country (drill sideways), so the reader can widen the choice...
        assertEquals(new SearchResult.FacetCount("IT", 2), count(r, "country", "IT"));
        assertEquals(new SearchResult.FacetCount("DE", 2), count(r, "country", "DE"));
        // ...while the other facets count only what the country filter leaves.
        assertEquals(List.of(new SearchResult.FacetCount("F", 2)), r.facets().get("sector"));
        assertEquals(List.of(new SearchResult.FacetCount("en", 1), new SearchResult.FacetCount("de", 1)).stream()
                .sorted((a, b) -> a.value().compareTo(b.value())).toList(),
                r.facets().get("language").stream().sorted((a, b) -> a.value().compareTo(b.value())).toList());
    }

    private static SearchResult.FacetCount count(SearchResult r, String facet, String value) {
        return r.facets().get(facet).stream().filter(c -> c.value().equals(value)).findFirst().orElse(null);
    }

    @Test
    void draftsAreNotFoundAndAnUpdateReplaces() {
        Practice first = Corpus.practices().get(0);
        index.put(new Practice(first.id(), first.slug(), 2, Practice.Status.DRAFT, first.content(), null, first.authors(), 0,
                first.createdAt(), first.updatedAt(), null, false));
        index.refresh();
        assertEquals(6, search("", Map.of()).total());
        index.put(first.withEndorsements(5));
        index.refresh();
        SearchResult r = search("mentor pool", Map.of());
        assertEquals(1, r.total());
        assertEquals(5, r.hits().get(0).endorsements());
    }

    @Test
    void pagesSliceTheRanking() {
        SearchResult second = index.search(new SearchQuery("", Map.of(), 1, 3));
        assertEquals(7, second.total());
        assertEquals(List.of("practice-4", "practice-3", "practice-2"), slugs(second));
    }

    @Test
    void anythingTypedIsAQuery() {
        for (String typed : List.of("\"unclosed", "+-*", "(", "AND OR NOT", "mentor~", "\\", "the")) {
            search(typed, Map.of()); // never throws
        }
    }

    @Test
    void badQueriesAreRefused() {
        assertThrows(ApiException.class, () -> new SearchQuery("", Map.of("colour", List.of("red")), 0, 20));
        assertThrows(ApiException.class, () -> new SearchQuery("", Map.of(), 0, 101));
        assertThrows(ApiException.class, () -> new SearchQuery("", Map.of(), 500, 100));
        assertThrows(ApiException.class, () -> new SearchQuery("x".repeat(501), Map.of(), 0, 10));
    }
}
