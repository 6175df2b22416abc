package eu.vetnet.community.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.community.TestReference;
import eu.vetnet.community.library.Practice;
import eu.vetnet.community.library.PracticeRules;
import eu.vetnet.community.search.PracticeIndex;
import eu.vetnet.community.search.SearchQuery;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo library passes the rules a member's practice does, is marked as demo data, and is findable. */
class DemoLibraryTests {

    private final DemoLibrary demo = new DemoLibrary(null, null, null, new PracticeRules(TestReference.DATA), TestReference.JSON);

    @Test
    void everyDemoPracticeIsValidPublishedAndMarked() {
        List<Practice> practices = demo.practices(Instant.parse("2026-12-01T00:00:00Z"));
        assertTrue(practices.size() >= 30, "a few dozen practices: " + practices.size());
        assertTrue(practices.stream().allMatch(p -> p.isDemo() && p.published() && p.licence() != null));
        assertEquals(practices.size(), new HashSet<>(practices.stream().map(Practice::slug).toList()).size(), "unique addresses");
        assertTrue(practices.stream().map(p -> p.content().language()).distinct().count() >= 3, "several languages");
        assertTrue(practices.stream().map(p -> p.content().country()).distinct().count() >= 5, "several countries");
    }

    @Test
    void aFirstVisitFindsThemByWordsAndFacets() throws Exception {
        try (PracticeIndex index = new PracticeIndex(null, TestReference.JSON)) {
            demo.practices(Instant.now()).forEach(index::put);
            index.refresh();
            assertTrue(index.search(new SearchQuery("mentor", Map.of(), 0, 20)).total() >= 3);
            assertTrue(index.search(new SearchQuery("Lehrling", Map.of("language", List.of("de")), 0, 20)).total() >= 2);
            assertTrue(index.search(new SearchQuery("apprendista", Map.of("country", List.of("IT")), 0, 20)).total() >= 2);
        }
    }
}
