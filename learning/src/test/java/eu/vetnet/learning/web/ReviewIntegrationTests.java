package eu.vetnet.learning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** A peer review round from submission to grades against the real server and Cassandra: phases, allocation, rubric, anonymity. */
class ReviewIntegrationTests extends LearningIntegrationTestSupport {

    static final String FABIO = bearer("fabio", "Review College", "facilitator");

    @Test
    void aRoundRunsFromSubmissionsThroughAllocatedRubricAssessmentsToModeratedGrades() {
        var f = new Fixtures(http, FABIO);
        String edition = f.edition(f.publishedProgramme("Peer review"), "OPEN", 10);
        http.post().uri("/api/learning/editions/" + edition + "/calendar").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("moduleId", "m2", "kind", "ASSIGNMENT", "title", "A workshop board", "ends", "2027-04-01T22:00:00Z"))
                .exchange().expectStatus().isCreated();
        Map<String, String> learners = new HashMap<>();
        for (String name : List.of("ra", "rb", "rc")) {
            learners.put(name, learner(name + RUN));
            f.enrol(learners.get(name), edition);
        }
        String base = "/api/learning/editions/" + edition + "/reviews";
        Map<String, Object> round = Map.of("itemId", "s1", "title", "Boards of the spring cohort", "reviewersPerSubmission", 2,
                "rubric", List.of(Map.of("text", "Answers the brief", "maxPoints", 5), Map.of("text", "Clear to an SME owner", "maxPoints", 5)));
        http.post().uri(base).header(HttpHeaders.AUTHORIZATION, learners.get("ra")).bodyValue(round).exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        String roundId = http.post().uri(base).header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(round).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        String one = base + "/" + roundId;

        // Submissions: a board and a document by room id, a practice by its link; never a script, never from outside the edition.
        submit(one, learners.get("ra"), "BOARD", "board-room-a").expectStatus().isOk();
        submit(one, learners.get("rb"), "DOCUMENT", "doc-room-b").expectStatus().isOk();
        submit(one, learners.get("rc"), "PRACTICE", "javascript:alert(1)").expectStatus().isBadRequest();
        submit(one, learners.get("rc"), "PRACTICE", "https://vetnet.example/library/practices/p-1").expectStatus().isOk();
        submit(one, learner("outsider" + RUN), "BOARD", "room-x").expectStatus().isEqualTo(HttpStatus.CONFLICT);

        // Phases move one at a time, by facilitators only; assessment opens with the allocation.
        phase(one, FABIO, "GRADING").expectStatus().isEqualTo(HttpStatus.CONFLICT);
        phase(one, learners.get("ra"), "ASSESSMENT").expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        phase(one, FABIO, "ASSESSMENT").expectStatus().isOk();
        submit(one, learners.get("ra"), "BOARD", "too-late").expectStatus().isEqualTo(HttpStatus.CONFLICT);

        // Each learner was given the two others' submissions, without their names; the allocation itself is not shown to them.
        Map<String, List<String>> given = new HashMap<>();
        for (var e : learners.entrySet()) {
            JsonNode view = views(base, e.getValue()).get(0);
            assertThat(view.get("round").get("allocation")).isEmpty();
            assertThat(view.get("all").isNull()).isTrue();
            List<String> authors = view.get("toReview").findValuesAsString("authorId");
            assertThat(authors).hasSize(2).doesNotContain(e.getKey() + RUN + "-id");
            assertThat(view.get("toReview").toString()).doesNotContain("Ra", "Rb", "Rc");
            given.put(e.getKey(), authors);
        }
        String ra = learners.get("ra");
        String rbId = "rb" + RUN + "-id";
        assess(one, ra, rbId, Map.of("c1", 6, "c2", 1)).expectStatus().isBadRequest();
        assess(one, ra, rbId, Map.of("c1", 4)).expectStatus().isBadRequest();
        assess(one, ra, rbId, Map.of("c1", 4, "c2", 5, "c3", 1)).expectStatus().isBadRequest();
        assess(one, ra, "ra" + RUN + "-id", Map.of("c1", 5, "c2", 5)).expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        // The facilitator's view counts the reviews still to write: two for each learner, six in the round.
        JsonNode progress = progress(edition);
        progress.get("learners").forEach(l -> assertThat(l.get("reviewsOutstanding").asInt()).as(l.get("name").asText()).isEqualTo(2));
        assertThat(progress.get("reviews").get(0).get("outstanding").asInt()).isEqualTo(6);
        assertThat(progress.get("reviews").get(0).get("submissions").asInt()).isEqualTo(3);
        // Everyone scores everyone they were given: rb gets 9 from ra and 7 from rc.
        for (var e : given.entrySet()) {
            for (String author : e.getValue()) {
                int c1 = author.equals(rbId) ? (e.getKey().equals("ra") ? 4 : 3) : 2;
                assess(one, learners.get(e.getKey()), author, Map.of("c1", c1, "c2", author.equals(rbId) ? (e.getKey().equals("ra") ? 5 : 4) : 2))
                        .expectStatus().isOk();
            }
        }
        progress = progress(edition);
        progress.get("learners").forEach(l -> assertThat(l.get("reviewsOutstanding").asInt()).isZero());
        assertThat(progress.get("reviews").get(0).get("outstanding").asInt()).isZero();
        assertThat(progress.get("reviews").get(0).get("assessed").asInt()).isEqualTo(6);
        assertThat(http.get().uri("/api/learning/editions/" + edition + "/progress.csv").header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).contains("reviews outstanding");
        phase(one, FABIO, "GRADING").expectStatus().isOk();
        assess(one, ra, rbId, Map.of("c1", 5, "c2", 5)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        JsonNode grading = views(base, FABIO).get(0).get("all");
        JsonNode rbGrade = null;
        for (JsonNode g : grading.get("grades")) {
            if (g.get("authorId").asText().equals(rbId)) {
                rbGrade = g;
            }
        }
        assertThat(rbGrade.get("points").asDouble()).isEqualTo(8.0);
        assertThat(rbGrade.get("maxPoints").asInt()).isEqualTo(10);
        assertThat(rbGrade.get("reviews").asInt()).isEqualTo(2);
        http.put().uri(one + "/grades/" + rbId).header(HttpHeaders.AUTHORIZATION, learners.get("rb")).bodyValue(Map.of("grade", "A")).exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        http.put().uri(one + "/grades/" + rbId).header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(Map.of("grade", "B+ (moderated)")).exchange()
                .expectStatus().isOk();

        // Closed: rb reads the two assessments (no reviewer named) and the grade.
        phase(one, FABIO, "CLOSED").expectStatus().isOk();
        JsonNode rbView = views(base, learners.get("rb")).get(0);
        assertThat(rbView.get("received").findValuesAsString("comment")).hasSize(2);
        List<Integer> totals = new ArrayList<>();
        rbView.get("received").forEach(r -> totals.add(r.get("total").asInt()));
        assertThat(totals).containsExactlyInAnyOrder(9, 7);
        assertThat(rbView.get("received").toString()).doesNotContain("reviewerId", "ra" + RUN, "rc" + RUN);
        assertThat(rbView.get("myGrade").get("grade").asText()).isEqualTo("B+ (moderated)");
    }

    private JsonNode progress(String edition) {
        return http.get().uri("/api/learning/editions/" + edition + "/progress").header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec submit(String one, String bearer, String kind, String ref) {
        return http.put().uri(one + "/submission").header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(Map.of("kind", kind, "ref", ref, "note", "Our morning's board")).exchange();
    }

    private WebTestClient.ResponseSpec phase(String one, String bearer, String phase) {
        return http.post().uri(one + "/phase").header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(Map.of("phase", phase)).exchange();
    }

    private WebTestClient.ResponseSpec assess(String one, String bearer, String author, Map<String, Integer> scores) {
        return http.put().uri(one + "/assessments/" + author).header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(Map.of("scores", scores, "comment", "Clear steps; say who does what.")).exchange();
    }

    private JsonNode views(String base, String bearer) {
        return http.get().uri(base).header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
