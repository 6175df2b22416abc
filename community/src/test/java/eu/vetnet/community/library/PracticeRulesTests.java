package eu.vetnet.community.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.community.TestReference;
import eu.vetnet.identity.api.ApiException;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PracticeRulesTests {

    private final PracticeRules rules = new PracticeRules(TestReference.DATA);

    static PracticeContent valid() {
        return new PracticeContent(" Mentor pool ", "Mentors for apprentices.", "p", "a", "r", "e", "c16", 4, "it", "ith3", "EN",
                "Artigiani Veneti", "sme_association", List.of(new PracticeContent.Link("Board", "https://example.org/board")));
    }

    @Test
    void aValidPracticeIsStoredInCanonicalForm() {
        PracticeContent c = rules.check(valid());
        assertEquals("Mentor pool", c.title());
        assertEquals("C16", c.sector());
        assertEquals("IT", c.country());
        assertEquals("ITH3", c.region());
        assertEquals("en", c.language());
        assertEquals("SME_ASSOCIATION", c.organisationType());
        assertNull(rules.check(with(x -> new PracticeContent(x.title(), x.summary(), x.problem(), x.approach(), x.results(),
                x.evidence(), x.sector(), null, x.country(), "", x.language(), x.organisation(), x.organisationType(), x.links()))).region());
    }

    private PracticeContent with(UnaryOperator<PracticeContent> change) {
        return change.apply(valid());
    }

    private void refused(String field, PracticeContent c) {
        ApiException e = assertThrows(ApiException.class, () -> rules.check(c));
        assertTrue(e.getMessage().startsWith(field), "names the field " + field + ": " + e.getMessage());
        assertEquals(400, e.status().value());
    }

    @Test
    void eachRuleNamesItsField() {
        PracticeContent v = valid();
        refused("title", new PracticeContent("  ", v.summary(), v.problem(), v.approach(), v.results(), v.evidence(), v.sector(), v.eqfLevel(), v.country(), v.region(), v.language(), v.organisation(), v.organisationType(), v.links()));
        refused("title", new PracticeContent("x".repeat(201), v.summary(), v.problem(), v.approach(), v.results(), v.evidence(), v.sector(), v.eqfLevel(), v.country(), v.region(), v.language(), v.organisation(), v.organisationType(), v.links()));
        refused("evidence", new PracticeContent(v.title(), v.summary(), v.problem(), v.approach(), v.results(), "x".repeat(20_001), v.sector(), v.eqfLevel(), v.country(), v.region(), v.language(), v.organisation(), v.organisationType(), v.links()));
        refused("sector", new PracticeContent(v.title(), v.summary(), v.problem(), v.approach(), v.results(), v.evidence(), "F16", v.eqfLevel(), v.country(), v.region(), v.language(), v.organisation(), v.organisationType(), v.links()));
        refused("eqfLevel", new PracticeContent(v.title(), v.summary(), v.problem(), v.approach(), v.results(), v.evidence(), v.sector(), 9, v.country(), v.region(), v.language(), v.organisation(), v.organisationType(), v.links()));
        refused("country", new PracticeContent(v.title(), v.summary(), v.problem(), v.approach(), v.results(), v.evidence(), v.sector(), v.eqfLevel(), "GR", v.region(), v.language(), v.organisation(), v.organisationType(), v.links()));
        refused("region", new PracticeContent(v.title(), v.summary(), v.problem(), v.approach(), v.results(), v.evidence(), v.sector(), v.eqfLevel(), "DE", "ITH3", v.language(), v.organisation(), v.organisationType(), v.links()));
        refused("language", new PracticeContent(v.title(), v.summary(), v.problem(), v.approach(), v.results(), v.evidence(), v.sector(), v.eqfLevel(), v.country(), v.region(), "xx", v.organisation(), v.organisationType(), v.links()));
        refused("organisationType", new PracticeContent(v.title(), v.summary(), v.problem(), v.approach(), v.results(), v.evidence(), v.sector(), v.eqfLevel(), v.country(), v.region(), v.language(), v.organisation(), "BANK", v.links()));
        refused("links", new PracticeContent(v.title(), v.summary(), v.problem(), v.approach(), v.results(), v.evidence(), v.sector(), v.eqfLevel(), v.country(), v.region(), v.language(), v.organisation(), v.organisationType(),
                Collections.nCopies(11, new PracticeContent.Link("a", "https://example.org"))));
    }

    @Test
    void linksThatCouldRunScriptAreRefused() {
        PracticeContent v = valid();
        for (String url : List.of("javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/x", "ftp://example.org/f")) {
            refused("links[].url", new PracticeContent(v.title(), v.summary(), v.problem(), v.approach(), v.results(), v.evidence(), v.sector(), v.eqfLevel(), v.country(), v.region(), v.language(), v.organisation(), v.organisationType(),
                    List.of(new PracticeContent.Link("x", url))));
        }
        // A path of this site (a room the practice came from) is fine.
        rules.check(new PracticeContent(v.title(), v.summary(), v.problem(), v.approach(), v.results(), v.evidence(), v.sector(), v.eqfLevel(), v.country(), v.region(), v.language(), v.organisation(), v.organisationType(),
                List.of(new PracticeContent.Link("The room", "/rooms/abc"))));
    }

    @Test
    void onlyListedLicences() {
        assertEquals("CC-BY-4.0", rules.licence("CC-BY-4.0"));
        assertThrows(ApiException.class, () -> rules.licence("GPL-3.0"));
        assertThrows(ApiException.class, () -> rules.licence(null));
    }
}
