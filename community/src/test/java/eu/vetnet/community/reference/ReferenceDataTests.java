package eu.vetnet.community.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.community.TestReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferenceDataTests {

    private final ReferenceData data = TestReference.DATA;

    @Test
    void theClassificationsAreComplete() {
        Map<String, Object> all = data.forClients();
        assertEquals(8, ((JsonNode) all.get("eqf")).size());
        @SuppressWarnings("unchecked")
        Map<String, JsonNode> nace = (Map<String, JsonNode>) all.get("nace");
        assertEquals(21, nace.get("sections").size(), "NACE Rev. 2 has sections A to U");
        assertEquals(88, nace.get("divisions").size(), "NACE Rev. 2 has 88 divisions");
        assertEquals(7, ((List<?>) all.get("licences")).size());
        assertEquals(6, ((JsonNode) all.get("organisationTypes")).size());
    }

    @Test
    void sectorsAreSectionsOrTheirDivisions() {
        assertTrue(data.isSector("F"));
        assertTrue(data.isSector("C16"));
        assertTrue(data.isSector("P85"));
        assertFalse(data.isSector("F16"), "division 16 belongs to section C");
        assertFalse(data.isSector("C04"), "there is no division 04");
        assertFalse(data.isSector("Z"));
        assertFalse(data.isSector(""));
        assertFalse(data.isSector(null));
    }

    @Test
    void regionsBelongToTheirCountry() {
        assertTrue(data.isCountry("EL"), "Greece is EL in NUTS");
        assertTrue(data.isRegionOf("ITH3", "IT"));
        assertFalse(data.isRegionOf("ITH3", "DE"));
        assertEquals("CC BY 4.0", data.licenceShort("CC-BY-4.0"));
        assertEquals("https://creativecommons.org/licenses/by/4.0/", data.licenceUrl("CC-BY-4.0"));
    }
}
