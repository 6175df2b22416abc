package eu.vetnet.community.counselling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.community.people.Profile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerMatchingTests {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    static Profile person(String id, List<String> sectors, String country, String region, List<String> languages, List<String> expertise,
            boolean available, Map<String, Profile.Visibility> visibility) {
        return new Profile(id, id, "Name " + id, "org-" + id, id + "@vetnet.test", "", "", expertise, sectors, languages, country, region,
                true, available, visibility, T, false, true, true);
    }

    static CounsellingCase caseOf(String sector, String country, String region, List<String> topics, String language) {
        return new CounsellingCase("c1", "Mentors", "How to share mentors?", sector, country, region, topics, language, null,
                new CounsellingCase.Person("asker", "Asker", "asker"), "craft-sme-association", CounsellingCase.Status.OPEN, null,
                List.of(), null, null, null, T, T);
    }

    private final PeerMatching matching = new PeerMatching((person, section) -> person.equals("writer") && section.equals("C") ? 5 : 0);

    @Test
    void reasonsAddUpAndTheBestComesFirst() {
        var c = caseOf("C16", "IT", "ITH3", List.of("apprenticeship", "mentoring"), "it");
        var division = person("division", List.of("C16"), "IT", "ITH3", List.of("it", "en"), List.of("apprenticeship design"), true, Map.of());
        var section = person("section", List.of("C31"), "IT", "ITC4", List.of("it"), List.of(), true, Map.of());
        var writer = person("writer", List.of(), "DE", null, List.of("it"), List.of(), true, Map.of());
        var suggestions = matching.suggest(c, List.of(section, writer, division));
        assertEquals(List.of("division", "section", "writer").stream().sorted().toList(),
                suggestions.stream().map(s -> s.person().id()).sorted().toList());
        assertEquals("division", suggestions.get(0).person().id());
        // division: 4 (C16) + 2 (ITH3) + 2 (apprenticeship) + 1 (Italian) = 9
        assertEquals(9, suggestions.get(0).score());
        assertEquals(List.of(new PeerMatching.Reason("sectorDivision", "C16", null), new PeerMatching.Reason("region", "ITH3", null),
                new PeerMatching.Reason("expertise", "apprenticeship design", null), new PeerMatching.Reason("language", "it", null)),
                suggestions.get(0).reasons());
        // writer: 3 of 5 practices in section C + 1 (Italian) = 4; section: 3 (C) + 1 (IT) + 1 = 5
        assertEquals(List.of(9, 5, 4), suggestions.stream().map(PeerMatching.Suggestion::score).toList());
        assertEquals(new PeerMatching.Reason("practices", "C", 5), suggestions.get(2).reasons().get(0));
    }

    @Test
    void nobodyWithoutACommonLanguageOrWhoIsNotAvailableOrWhoAsked() {
        var c = caseOf("F43", "DE", "DE21", List.of(), "de");
        var noGerman = person("nogerman", List.of("F43"), "DE", "DE21", List.of("it"), List.of(), true, Map.of());
        var unavailable = person("busy", List.of("F43"), "DE", "DE21", List.of("de"), List.of(), false, Map.of());
        var asker = person("asker", List.of("F43"), "DE", "DE21", List.of("de"), List.of(), true, Map.of());
        var languageOnly = person("languageonly", List.of("A"), "PT", null, List.of("de"), List.of(), true, Map.of());
        assertTrue(matching.suggest(c, List.of(noGerman, unavailable, asker, languageOnly)).isEmpty());
    }

    @Test
    void whatAPersonHidesNeitherCountsNorIsNamed() {
        var c = caseOf("C16", "IT", "ITH3", List.of(), "it");
        var hidesPlace = person("hides", List.of("C16"), "IT", "ITH3", List.of("it"), List.of(), true,
                Map.of("place", Profile.Visibility.HIDDEN));
        var s = matching.suggest(c, List.of(hidesPlace)).get(0);
        assertEquals(5, s.score());
        assertTrue(s.reasons().stream().noneMatch(r -> r.kind().equals("region") || r.kind().equals("country")), s.reasons().toString());
        assertEquals(null, s.person().region(), "the card leaves the hidden place out too");
        var hidesLanguages = person("mute", List.of("C16"), "IT", "ITH3", List.of("it"), List.of(), true,
                Map.of("languages", Profile.Visibility.HIDDEN));
        assertTrue(matching.suggest(c, List.of(hidesLanguages)).isEmpty(), "a common language must be shown to count");
    }

    @Test
    void atMostFive() {
        var c = caseOf("F", "AT", null, List.of(), "de");
        var many = java.util.stream.IntStream.range(0, 9)
                .mapToObj(i -> person("p" + i, List.of("F4" + (i % 3 + 1)), "AT", null, List.of("de"), List.of(), true, Map.of())).toList();
        assertEquals(5, matching.suggest(c, many).size());
    }
}
