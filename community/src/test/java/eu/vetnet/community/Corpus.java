package eu.vetnet.community;

import eu.vetnet.community.library.Practice;
import eu.vetnet.community.library.PracticeContent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A small fixed library for tests: what each entry says is chosen so that each search test has one right answer. */
public final class Corpus {

    public static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private Corpus() {
    }

    public static PracticeContent content(String title, String summary, String body, String sector, Integer eqf, String country,
            String region, String language, String organisationType) {
        return new PracticeContent(title, summary, body, "", "", "", sector, eqf, country, region, language,
                "Test organisation " + country, organisationType, List.of());
    }

    public static Practice published(int n, PracticeContent c, String licence) {
        String id = UUID.nameUUIDFromBytes(("corpus-" + n).getBytes()).toString();
        Instant at = T0.plusSeconds(3600L * n);
        return new Practice(id, "practice-" + n, 1, Practice.Status.PUBLISHED, c, licence,
                List.of(new Practice.Author("author-" + n, "Author " + n)), 0, at, at, at, false);
    }

    /** Seven practices: English, Italian and German; several sectors, countries, levels and licences. */
    public static List<Practice> practices() {
        return List.of(
                published(1, content("Mentor pool for micro enterprises", "Retired master carpenters mentor apprentices in firms too small to train alone.",
                        "A district pool of mentors visits each apprentice weekly.", "C16", 4, "IT", "ITH3", "en", "SME_ASSOCIATION"), "CC-BY-4.0"),
                published(2, content("Apprendistato nelle microimprese artigiane", "Un consorzio di botteghe condivide un tutor per gli apprendisti.",
                        "Gli apprendisti ruotano tra tre botteghe; la qualità è verificata dal centro di formazione.", "C31", 3, "IT", "ITC4", "it", "VET_PROVIDER"), "CC-BY-SA-4.0"),
                published(3, content("Lehrlinge im Handwerksbetrieb begleiten", "Ausbildungsbegleiter unterstützen Lehrlinge und Betriebe in Bayern.",
                        "Die Qualität der Ausbildung wird jährlich geprüft.", "F43", 4, "DE", "DE21", "de", "SME_ASSOCIATION"), "CC-BY-4.0"),
                published(4, content("Digital skills for carpentry SMEs", "CAD and CNC basics for joiners, taught in the workshop.",
                        "Short modules in the evening; mentoring online.", "C16", 5, "AT", null, "en", "VET_PROVIDER"), "CC-BY-NC-4.0"),
                published(5, content("Energy retrofitting for building trades", "Heat pumps and insulation skills for plumbers and builders.",
                        "A regional policy programme funds the courses.", "F43", null, "DE", null, "en", "POLICY_BODY"), "CC0-1.0"),
                published(6, content("Recognition of prior learning for freelancers", "Freelance upholsterers get their skills validated.",
                        "Portfolio and observed practice; credits towards a qualification.", "C31", 4, "ES", null, "en", "UNIVERSITY_SCHOOL"), "CC-BY-4.0"),
                published(7, content("Qualität in der Ausbildung: ein Leitfaden", "Ein Leitfaden für Ausbildungsbetriebe.",
                        "Checklisten für die betriebliche Ausbildung.", "P85", 3, "AT", null, "de", "WORKERS_NETWORK"), "CC-BY-4.0"));
    }
}
