package eu.vetnet.learning.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** A published two-module programme and an edition of it, made through the API as a facilitator would. */
record Fixtures(WebTestClient http, String facilitator) {

    String publishedProgramme(String title) {
        String id = http.post().uri("/api/learning/programmes").header(HttpHeaders.AUTHORIZATION, facilitator)
                .bodyValue(Map.of("title", title, "summary", "Two modules", "languages", List.of("en"))).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, facilitator)
                .bodyValue(ProgrammesIntegrationTests.module("Co-design basics", 50, null, List.of())).exchange().expectStatus().isCreated();
        http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, facilitator)
                .bodyValue(ProgrammesIntegrationTests.module("Running a workshop", 100, null, List.of("m1"))).exchange().expectStatus().isCreated();
        http.post().uri("/api/learning/programmes/" + id + "/publish").header(HttpHeaders.AUTHORIZATION, facilitator).exchange().expectStatus().isOk();
        return id;
    }

    String edition(String programmeId, String policy, int capacity) {
        return http.post().uri("/api/learning/programmes/" + programmeId + "/editions").header(HttpHeaders.AUTHORIZATION, facilitator)
                .bodyValue(Map.of("title", "Spring cohort", "starts", "2027-03-01", "ends", "2027-06-30", "enrolment", policy, "capacity", capacity))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    JsonNode enrol(String bearer, String editionId) {
        return http.post().uri("/api/learning/editions/" + editionId + "/enrolment").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    void pass(String editionId, String learnerId, String moduleId, String grade) {
        http.put().uri("/api/learning/editions/" + editionId + "/results/" + learnerId + "/" + moduleId).header(HttpHeaders.AUTHORIZATION, facilitator)
                .bodyValue(Map.of("passed", true, "grade", grade)).exchange().expectStatus().isOk();
    }
}
