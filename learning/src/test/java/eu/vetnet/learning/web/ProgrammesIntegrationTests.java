package eu.vetnet.learning.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vetnet.identity.issuer.DemoUsers;
import eu.vetnet.learning.demo.DemoProgramme;
import eu.vetnet.learning.storage.CassandraEditions;
import eu.vetnet.learning.storage.CassandraProgrammes;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** Designing programmes against the real server and Cassandra: who may, the credit rules, prerequisites, drafts. */
class ProgrammesIntegrationTests extends LearningIntegrationTestSupport {

    static final String FABIO = bearer("fabio", "Northfield VET College", "facilitator");

    static Map<String, Object> module(String title, int hours, Object ects, List<String> prerequisites) {
        var m = new java.util.HashMap<String, Object>(Map.of("title", title, "description", "About " + title, "eqfLevel", 4,
                "outcomes", Map.of("knowledge", List.of("Knows the " + title + " basics"), "skills", List.of("Applies " + title),
                        "responsibilityAndAutonomy", List.of("Takes responsibility for " + title)),
                "workloadHours", hours, "assessment", List.of("Portfolio"), "prerequisites", prerequisites, "languages", List.of("en", "it")));
        if (ects != null) {
            m.put("ectsCredits", ects);
        }
        return m;
    }

    JsonNode create(String bearer, String title) {
        return http.post().uri("/api/learning/programmes").header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(Map.of("title", title, "summary", "A programme", "languages", List.of("en"))).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aFacilitatorDesignsAProgrammeWhoseCreditsFollowTheWorkloadAndPublishesIt() {
        JsonNode p = create(FABIO, "Green retrofit for craft SMEs");
        String id = p.get("id").asText();
        assertThat(p.get("status").asText()).isEqualTo("DRAFT");
        assertThat(p.get("organisation").asText()).isEqualTo("Northfield VET College");
        assertThat(p.get("hoursPerCredit").asInt()).isEqualTo(25);

        // 75 hours at 25 hours per credit: 3 ECTS credits and 3 ECVET points, computed.
        JsonNode one = http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(module("Energy audits", 75, null, List.of())).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(one.get("modules").get(0).get("id").asText()).isEqualTo("m1");
        assertThat(one.get("modules").get(0).get("ectsCredits").asDouble()).isEqualTo(3.0);
        assertThat(one.get("modules").get(0).get("ecvetPoints").asDouble()).isEqualTo(3.0);

        // 40 hours declared as 1.5 credits: within half a credit of 40/25 = 1.6, accepted.
        JsonNode two = http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(module("Insulation practice", 40, 1.5, List.of("m1"))).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(two.get("modules").get(1).get("ectsCredits").asDouble()).isEqualTo(1.5);
        assertThat(two.get("modules").get(1).get("prerequisites").get(0).asText()).isEqualTo("m1");

        // A draft is its coordinators' alone.
        http.get().uri("/api/learning/programmes/" + id).header(HttpHeaders.AUTHORIZATION, learner("alice")).exchange()
                .expectStatus().isNotFound();
        http.post().uri("/api/learning/programmes/" + id + "/publish").header(HttpHeaders.AUTHORIZATION, FABIO).exchange().expectStatus().isOk();
        JsonNode seen = http.get().uri("/api/learning/programmes/" + id).header(HttpHeaders.AUTHORIZATION, learner("alice")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(seen.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(seen.get("modules")).hasSize(2);
        List<String> listed = http.get().uri("/api/learning/programmes").header(HttpHeaders.AUTHORIZATION, learner("alice")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().findValuesAsString("id");
        assertThat(listed).contains(id);
    }

    @Test
    void creditsThatDoNotFitTheWorkloadAndPrerequisiteLoopsAreRefusedAndChangeNothing() {
        String id = create(FABIO, "Refusals").get("id").asText();
        http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(module("Module A", 50, null, List.of())).exchange().expectStatus().isCreated();
        // 50 hours are 2 credits at 25 h: 5 credits are refused, with the number that fits.
        http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(module("Module B", 50, 5, List.of())).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.fix").value(fix -> assertThat((String) fix).contains("2.0"));
        http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(module("Module B", 50, null, List.of("m1"))).exchange().expectStatus().isCreated();
        // m1 requiring m2, which requires m1: a loop.
        http.put().uri("/api/learning/programmes/" + id + "/modules/m1").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(module("Module A", 50, null, List.of("m2"))).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("loop"));
        // An EQF level out of range, and no outcomes at all.
        var badLevel = module("Module C", 10, null, List.of());
        badLevel.put("eqfLevel", 9);
        http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(badLevel).exchange()
                .expectStatus().isBadRequest();
        var noOutcomes = module("Module C", 10, null, List.of());
        noOutcomes.put("outcomes", Map.of("knowledge", List.of(" ")));
        http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(noOutcomes).exchange()
                .expectStatus().isBadRequest();

        JsonNode after = http.get().uri("/api/learning/programmes/" + id).header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(after.get("modules")).hasSize(2);
        assertThat(after.get("modules").get(0).get("prerequisites")).isEmpty();
    }

    @Autowired
    CassandraProgrammes programmes;

    @Autowired
    CassandraEditions editions;

    @Test
    void theDemoProgrammeIsLoadedOnceMarkedAsDemoAndCoordinatedByTheDemoFacilitator() throws Exception {
        var demo = new DemoProgramme(programmes, editions, Clock.systemUTC());
        demo.loadWhenMissing().toCompletableFuture().get(30, TimeUnit.SECONDS);
        demo.loadWhenMissing().toCompletableFuture().get(30, TimeUnit.SECONDS);
        JsonNode all = http.get().uri("/api/learning/programmes").header(HttpHeaders.AUTHORIZATION, learner("alice")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<JsonNode> demos = new java.util.ArrayList<>();
        all.forEach(p -> {
            if (p.get("demo").asBoolean()) {
                demos.add(p);
            }
        });
        assertThat(demos).hasSize(1);
        assertThat(demos.get(0).get("title").asText()).isEqualTo(DemoProgramme.TITLE).contains("demo");
        assertThat(demos.get(0).get("coordinators").get(0).get("id").asText()).isEqualTo(DemoUsers.find("fabio").orElseThrow().subject());
        assertThat(demos.get(0).get("modules")).hasSize(2);
        JsonNode cohort = http.get().uri("/api/learning/programmes/" + demos.get(0).get("id").asText() + "/editions")
                .header(HttpHeaders.AUTHORIZATION, learner("alice")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(cohort).hasSize(1);
        assertThat(cohort.get(0).get("edition").get("calendar")).hasSize(3);
    }

    @Test
    void onlyFacilitatorsCreateAndOnlyCoordinatorsChange() {
        http.post().uri("/api/learning/programmes").header(HttpHeaders.AUTHORIZATION, learner("alice"))
                .bodyValue(Map.of("title", "Mine")).exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        String id = create(FABIO, "Fabio's").get("id").asText();
        String other = bearer("greta", "Other College", "facilitator");
        http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, other)
                .bodyValue(module("Module A", 50, null, List.of())).exchange().expectStatus().isNotFound();
        http.post().uri("/api/learning/programmes/" + id + "/publish").header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        http.post().uri("/api/learning/programmes").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("title", "Odd rate", "hoursPerCredit", 40)).exchange().expectStatus().isBadRequest();
        http.get().uri("/api/learning/programmes").exchange().expectStatus().isUnauthorized();
    }
}
