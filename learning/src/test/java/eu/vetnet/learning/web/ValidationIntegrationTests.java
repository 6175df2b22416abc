package eu.vetnet.learning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** Validating informal learning in its four steps against the real server and Cassandra: order, who, and the record. */
class ValidationIntegrationTests extends LearningIntegrationTestSupport {

    static final String FABIO = bearer("fabio", "Validation College", "facilitator");

    @Test
    void informalLearningIsIdentifiedDocumentedAssessedAndCertifiedAndCountsAsRecognisedCredits() {
        var f = new Fixtures(http, FABIO);
        String edition = f.edition(f.publishedProgramme("Validation"), "OPEN", 5);
        String vera = learner("vera" + RUN);
        f.enrol(vera, edition);
        String base = "/api/learning/editions/" + edition + "/evidence";

        // Step 1, identification: against the module's own outcomes only, by an enrolled learner only.
        Map<String, Object> claim = Map.of("moduleId", "m2", "kind", "COMMUNITY_WORKSHOP", "title", "Ran the Bologna craft workshop",
                "outcomes", List.of("Applies Running a workshop"), "hours", 12);
        http.post().uri(base).header(HttpHeaders.AUTHORIZATION, vera).bodyValue(Map.of("moduleId", "m2", "kind", "WORK_BASED", "title",
                "Something else", "outcomes", List.of("Flies a plane"), "hours", 3)).exchange().expectStatus().isBadRequest();
        http.post().uri(base).header(HttpHeaders.AUTHORIZATION, learner("outsider" + RUN)).bodyValue(claim).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        JsonNode identified = http.post().uri(base).header(HttpHeaders.AUTHORIZATION, vera).bodyValue(claim).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(identified.get("status").asText()).isEqualTo("IDENTIFIED");
        String one = base + "/" + identified.get("id").asText();

        // No step is skipped: nothing to assess before it is documented.
        http.post().uri(one + "/assessment").header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(Map.of("validated", true)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        // Step 2, documentation, by the learner (and a script link is refused).
        http.put().uri(one + "/documentation").header(HttpHeaders.AUTHORIZATION, vera).bodyValue(Map.of("description", "Too short")).exchange()
                .expectStatus().isBadRequest();
        http.put().uri(one + "/documentation").header(HttpHeaders.AUTHORIZATION, vera)
                .bodyValue(Map.of("description", "I planned and ran a two-hour co-design workshop with six joiners.", "link", "javascript:x()"))
                .exchange().expectStatus().isBadRequest();
        http.put().uri(one + "/documentation").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("description", "Written by someone else than the learner, not allowed.")).exchange().expectStatus().isNotFound();
        http.put().uri(one + "/documentation").header(HttpHeaders.AUTHORIZATION, vera)
                .bodyValue(Map.of("description", "I planned and ran a two-hour co-design workshop with six joiners.")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DOCUMENTED");

        // Step 3, assessment, by a facilitator: more asked (with a note), documented again, then validated.
        http.post().uri(one + "/assessment").header(HttpHeaders.AUTHORIZATION, vera).bodyValue(Map.of("validated", true)).exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        http.post().uri(one + "/assessment").header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(Map.of("validated", false)).exchange()
                .expectStatus().isBadRequest();
        http.post().uri(one + "/assessment").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("validated", false, "note", "Add the workshop's board or agenda.")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("MORE_ASKED");
        http.put().uri(one + "/documentation").header(HttpHeaders.AUTHORIZATION, vera)
                .bodyValue(Map.of("description", "I planned and ran a two-hour co-design workshop with six joiners; the agenda is linked.",
                        "link", "https://example.org/agenda")).exchange().expectStatus().isOk();
        http.post().uri(one + "/certification").header(HttpHeaders.AUTHORIZATION, FABIO).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        http.post().uri(one + "/assessment").header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(Map.of("validated", true, "note", "Shown.")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("VALIDATED");

        // Step 4, certification: the module's credits on the record, marked as recognised.
        JsonNode certified = http.post().uri(one + "/certification").header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(certified.get("status").asText()).isEqualTo("CERTIFIED");
        assertThat(certified.get("steps").findValuesAsString("to"))
                .containsExactly("IDENTIFIED", "DOCUMENTED", "MORE_ASKED", "DOCUMENTED", "VALIDATED", "CERTIFIED");
        http.post().uri(one + "/certification").header(HttpHeaders.AUTHORIZATION, FABIO).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);

        f.pass(edition, "vera" + RUN + "-id", "m1", "27/30");
        JsonNode transcript = http.get().uri("/api/learning/me/transcript").header(HttpHeaders.AUTHORIZATION, vera).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode record = transcript.get("programmes").get(0);
        assertThat(record.get("ectsEarned").asDouble()).isEqualTo(6.0);
        assertThat(record.get("ectsRecognised").asDouble()).isEqualTo(4.0);
        assertThat(record.get("complete").asBoolean()).isTrue();
        assertThat(record.get("modules").findValuesAsString("kind")).containsExactlyInAnyOrder("FORMAL", "RECOGNISED");

        // The learner and the facilitators see it; another learner does not.
        String other = learner("other" + RUN);
        f.enrol(other, edition);
        assertThat(list(base, other)).isEmpty();
        assertThat(list(base, vera)).hasSize(1);
        assertThat(list(base, FABIO)).hasSize(1);

        // The facilitator's view: vera's results, formal and recognised; each outcome attained by one of the two enrolled.
        JsonNode progress = http.get().uri("/api/learning/editions/" + edition + "/progress").header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode veraRow = null;
        for (JsonNode row : progress.get("learners")) {
            if (row.get("username").asText().equals("vera" + RUN)) {
                veraRow = row;
            }
        }
        assertThat(veraRow).isNotNull();
        assertThat(veraRow.get("modules").get("m1").asText()).isEqualTo("27/30");
        assertThat(veraRow.get("modules").get("m2").asText()).isEqualTo("recognised");
        assertThat(veraRow.get("ectsEarned").asDouble()).isEqualTo(6.0);
        assertThat(veraRow.get("evidenceWaiting").asInt()).isZero();
        assertThat(progress.get("outcomes")).hasSize(6).allSatisfy(o -> {
            assertThat(o.get("attained").asInt()).isEqualTo(1);
            assertThat(o.get("of").asInt()).isEqualTo(2);
        });
        String csv = http.get().uri("/api/learning/editions/" + edition + "/progress.csv").header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")[0]).isEqualTo("learner,username,attendance minutes,m1 Co-design basics,m2 Running a workshop,ECTS earned,evidence waiting,reviews outstanding");
        assertThat(csv).contains(",vera" + RUN + ",0,27/30,recognised,6.0,0,0\r\n");
        http.get().uri("/api/learning/editions/" + edition + "/progress").header(HttpHeaders.AUTHORIZATION, vera).exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
    }

    private JsonNode list(String base, String bearer) {
        return http.get().uri(base).header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
