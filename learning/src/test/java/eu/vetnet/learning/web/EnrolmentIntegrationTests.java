package eu.vetnet.learning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** Editions and enrolment against the real server and Cassandra: capacity, the waiting list, approval, invitation. */
class EnrolmentIntegrationTests extends LearningIntegrationTestSupport {

    static final String FABIO = bearer("fabio", "Northfield VET College", "facilitator");

    Fixtures fixtures() {
        return new Fixtures(http, FABIO);
    }

    @Test
    void aFullEditionPutsLearnersOnTheWaitingListAndAWithdrawalGivesTheSeatToTheFirstOfThem() {
        var f = fixtures();
        String edition = f.edition(f.publishedProgramme("Capacity"), "OPEN", 1);
        assertThat(f.enrol(learner("anna"), edition).get("status").asText()).isEqualTo("ENROLLED");
        assertThat(f.enrol(learner("bruno"), edition).get("status").asText()).isEqualTo("WAITING");
        assertThat(f.enrol(learner("carla"), edition).get("status").asText()).isEqualTo("WAITING");
        // Asking again changes nothing.
        assertThat(f.enrol(learner("bruno"), edition).get("status").asText()).isEqualTo("WAITING");

        http.post().uri("/api/learning/editions/" + edition + "/enrolment/withdrawal").header(HttpHeaders.AUTHORIZATION, learner("anna"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
        Map<String, String> statuses = roster(edition);
        assertThat(statuses).containsEntry("anna-id", "WITHDRAWN").containsEntry("bruno-id", "ENROLLED").containsEntry("carla-id", "WAITING");

        JsonNode view = http.get().uri("/api/learning/editions/" + edition).header(HttpHeaders.AUTHORIZATION, learner("bruno")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(view.get("seatsTaken").asInt()).isEqualTo(1);
        assertThat(view.get("mine").get("status").asText()).isEqualTo("ENROLLED");
        // The roster is the facilitators'.
        http.get().uri("/api/learning/editions/" + edition + "/enrolments").header(HttpHeaders.AUTHORIZATION, learner("bruno")).exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void learnersEnrollingAllAtOnceNeverTakeMoreSeatsThanThereAre() throws Exception {
        var f = fixtures();
        String edition = f.edition(f.publishedProgramme("Rush"), "OPEN", 3);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<String>> asks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String who = learner("rush" + i);
                asks.add(CompletableFuture.supplyAsync(() -> f.enrol(who, edition).get("status").asText(), pool));
            }
            List<String> statuses = asks.stream().map(CompletableFuture::join).toList();
            assertThat(statuses.stream().filter("ENROLLED"::equals).count()).isEqualTo(3);
            assertThat(statuses.stream().filter("WAITING"::equals).count()).isEqualTo(9);
        } finally {
            pool.shutdownNow();
        }
        assertThat(roster(edition).values().stream().filter("ENROLLED"::equals).count()).isEqualTo(3);
    }

    @Test
    void anEditionOnApprovalTakesRequestsAndOneByInvitationOnlyTheInvited() {
        var f = fixtures();
        String programme = f.publishedProgramme("Policies");
        String onApproval = f.edition(programme, "APPROVAL", 5);
        assertThat(f.enrol(learner("dario"), onApproval).get("status").asText()).isEqualTo("REQUESTED");
        http.post().uri("/api/learning/editions/" + onApproval + "/enrolments/dario-id/approval").header(HttpHeaders.AUTHORIZATION, learner("dario"))
                .exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        http.post().uri("/api/learning/editions/" + onApproval + "/enrolments/dario-id/approval").header(HttpHeaders.AUTHORIZATION, FABIO)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ENROLLED");

        String byInvitation = f.edition(programme, "INVITATION", 5);
        String elena = "elena" + RUN;
        http.post().uri("/api/learning/editions/" + byInvitation + "/enrolment").header(HttpHeaders.AUTHORIZATION, learner(elena)).exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        http.post().uri("/api/learning/editions/" + byInvitation + "/invitations").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("username", elena)).exchange().expectStatus().isOk();
        assertThat(f.enrol(learner(elena), byInvitation).get("status").asText()).isEqualTo("ENROLLED");
        List<String> mine = http.get().uri("/api/learning/me/editions").header(HttpHeaders.AUTHORIZATION, learner(elena)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().findValuesAsString("programmeTitle");
        assertThat(mine).containsExactly("Policies");
    }

    @Test
    void theCalendarTakesLiveSessionsInPersonSessionsSelfStudyAndAssignmentsAndRefusesWhatIsMalformed() {
        var f = fixtures();
        String edition = f.edition(f.publishedProgramme("Calendar"), "OPEN", 5);
        String uri = "/api/learning/editions/" + edition + "/calendar";
        http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(Map.of("moduleId", "m1", "kind", "LIVE", "title", "Kick-off",
                "starts", "2027-03-01T09:00:00Z", "ends", "2027-03-01T11:00:00Z", "roomId", "kickoff-room")).exchange().expectStatus().isCreated();
        http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(Map.of("moduleId", "m2", "kind", "IN_PERSON", "title", "Site visit",
                "starts", "2027-03-08T09:00:00Z", "ends", "2027-03-08T16:00:00Z", "place", "Workshop hall, Bologna")).exchange().expectStatus().isCreated();
        http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(Map.of("moduleId", "m1", "kind", "SELF_STUDY", "title", "Reading",
                "link", "https://example.org/reading")).exchange().expectStatus().isCreated();
        JsonNode edited = http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(Map.of("moduleId", "m2", "kind", "ASSIGNMENT",
                "title", "Workshop plan", "ends", "2027-04-01T22:00:00Z")).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(edited.get("calendar").findValuesAsString("id")).containsExactly("s1", "s2", "s3", "s4");
        // A link that is a script, a room id that is a link, a session ending before it starts, a module not in the programme.
        http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(Map.of("moduleId", "m1", "kind", "SELF_STUDY", "title", "Bad",
                "link", "javascript:alert(1)")).exchange().expectStatus().isBadRequest();
        http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(Map.of("moduleId", "m1", "kind", "LIVE", "title", "Bad",
                "starts", "2027-03-01T09:00:00Z", "ends", "2027-03-01T11:00:00Z", "roomId", "https://evil.example/")).exchange().expectStatus().isBadRequest();
        http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(Map.of("moduleId", "m1", "kind", "LIVE", "title", "Bad",
                "starts", "2027-03-01T11:00:00Z", "ends", "2027-03-01T09:00:00Z", "roomId", "r1")).exchange().expectStatus().isBadRequest();
        http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(Map.of("moduleId", "m9", "kind", "ASSIGNMENT", "title", "Bad",
                "ends", "2027-04-01T22:00:00Z")).exchange().expectStatus().isBadRequest();
        http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, learner("anna")).bodyValue(Map.of("moduleId", "m2", "kind", "ASSIGNMENT",
                "title", "Not hers", "ends", "2027-04-01T22:00:00Z")).exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode after = http.get().uri("/api/learning/editions/" + edition).header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(after.get("edition").get("calendar")).hasSize(4);

        // An enrolled learner's calendar file: the two sessions and the deadline (self-study has no time), escaped and folded.
        String learner = learner("cal" + RUN);
        f.enrol(learner, edition);
        String ics = http.get().uri("/api/learning/me/calendar.ics").header(HttpHeaders.AUTHORIZATION, learner).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(4);
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("UID:" + edition + "-s1@vetnet", "DTSTART:20270301T090000Z", "DTEND:20270301T110000Z",
                "LOCATION:https://vetnet.example/rooms/kickoff-room", "LOCATION:Workshop hall\\, Bologna",
                "SUMMARY:Deadline: Workshop plan", "DTEND:20270401T220000Z").doesNotContain("Reading");
        assertThat(ics.split("\r\n")).allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
    }

    private Map<String, String> roster(String edition) {
        JsonNode all = http.get().uri("/api/learning/editions/" + edition + "/enrolments").header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        Map<String, String> out = new java.util.HashMap<>();
        all.forEach(e -> out.put(e.get("learnerId").asText(), e.get("status").asText()));
        return out;
    }
}
