package eu.vetnet.community.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Organisation profiles on the real Cassandra: who writes the first one, who edits, what the directory finds by type. */
class OrganisationsIntegrationTests extends CommunityIntegrationTestSupport {

    private final String run = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String org = "northfield-" + run;

    private String token(String username, String organisation, String... roles) {
        return "Bearer " + issuer.token(username + run, Duration.ofMinutes(10), Map.of("groups", List.of("/organisations/" + organisation)), roles);
    }

    private JsonNode send(String method, String path, String bearer, Object body, HttpStatus expected) {
        var request = http.method(HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION, bearer);
        var exchange = body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return exchange.expectStatus().isEqualTo(expected).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private Map<String, Object> profile(String website) {
        return Map.of("name", "Northfield VET College " + run, "type", "vet_provider", "country", "IT", "region", "ITH3",
                "sectors", List.of("C16", "P85"), "languages", List.of("en", "it"), "profile", "Wood and **construction**.", "website", website);
    }

    @Test
    void itsOwnPeopleWriteTheFirstProfileItsAdminsEditAndTheDirectoryFindsItsPeopleByType() {
        String learner = token("lina", org, "participant");
        String coordinator = token("fabio", org, "facilitator");
        String outsider = token("otto", "elsewhere-" + run, "facilitator");
        send("GET", "/api/community/organisations/" + org, learner, null, HttpStatus.NOT_FOUND);
        send("GET", "/api/community/profile/me", coordinator, null, HttpStatus.OK);
        send("PUT", "/api/community/organisations/" + org, learner, profile("https://example.org"), HttpStatus.FORBIDDEN);
        send("PUT", "/api/community/organisations/" + org, outsider, profile("https://example.org"), HttpStatus.FORBIDDEN);
        assertTrue(send("PUT", "/api/community/organisations/" + org, coordinator, profile("javascript:alert(1)"), HttpStatus.BAD_REQUEST)
                .get("message").asString().startsWith("website"));
        JsonNode written = send("PUT", "/api/community/organisations/" + org, coordinator, profile("https://example.org/northfield"), HttpStatus.OK);
        assertEquals("VET_PROVIDER", written.get("type").asString());
        assertTrue(written.get("canEdit").asBoolean());
        assertTrue(written.get("profileHtml").asString().contains("<strong>construction</strong>"));

        // Its people, listed and showing their organisation, are on its page and found by its type.
        send("PUT", "/api/community/profile/me", learner, Map.of("headline", "Apprentice joiner", "listed", true), HttpStatus.OK);
        JsonNode read = send("GET", "/api/community/organisations/" + org, learner, null, HttpStatus.OK);
        assertFalse(read.get("canEdit").asBoolean(), "a learner of it does not edit it");
        assertEquals(List.of("lina" + run), read.get("listed").valueStream().map(p -> p.get("username").asString()).toList());
        assertEquals(2, read.get("people").asInt(), "lina and fabio belong to it (fabio unlisted)");
        JsonNode byType = send("GET", "/api/community/directory?organisationType=VET_PROVIDER&q=" + run, outsider, null, HttpStatus.OK);
        assertEquals(List.of("lina" + run), byType.get("people").valueStream().map(p -> p.get("username").asString()).toList());
        assertEquals(0, send("GET", "/api/community/directory?organisationType=POLICY_BODY&q=" + run, outsider, null, HttpStatus.OK).get("total").asInt());
        assertEquals(1, send("GET", "/api/community/organisations?type=VET_PROVIDER&q=" + run, outsider, null, HttpStatus.OK).get("total").asInt());

        send("PUT", "/api/community/organisations/" + org, learner, profile("https://example.org"), HttpStatus.FORBIDDEN);
        String admin = "Bearer " + issuer.token("ada" + run, Duration.ofMinutes(10), "admin");
        assertEquals("https://example.org/ada", send("PUT", "/api/community/organisations/" + org, admin, profile("https://example.org/ada"), HttpStatus.OK)
                .get("website").asString(), "platform admins edit any organisation");
    }
}
