package eu.vetnet.learning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Attendance against the real server and Cassandra, the room's history from a stand-in of the room server's replay API
 * (the browser test reads the real one): consent, the window, pages, the relayed token, refusals, check-in.
 */
class AttendanceIntegrationTests extends LearningIntegrationTestSupport {

    static final String FABIO = bearer("fabio", "Attendance College", "facilitator");

    static String participant(String user, Instant joined, Instant left) {
        return "{\"userId\":\"" + user + "-id\",\"username\":\"" + user + "\",\"name\":\"" + user + "\",\"role\":\"participant\",\"joinedAt\":\""
                + joined + "\",\"leftAt\":" + (left == null ? "null" : "\"" + left + "\"") + "}";
    }

    @Test
    void aLiveSessionsAttendanceIsReadFromItsRoomForTheLearnersWhoConsentedAndNobodyElse() {
        var f = new Fixtures(http, FABIO);
        String edition = f.edition(f.publishedProgramme("Attendance"), "OPEN", 5);
        f.enrol(learner("anna"), edition);
        f.enrol(learner("bruno"), edition);
        http.put().uri("/api/learning/editions/" + edition + "/enrolment/consent").header(HttpHeaders.AUTHORIZATION, learner("anna"))
                .bodyValue(Map.of("attendance", true)).exchange().expectStatus().isOk().expectBody().jsonPath("$.attendanceConsent").isEqualTo(true);

        Instant starts = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Instant ends = starts.plus(1, ChronoUnit.HOURS);
        String room = "attendance-room-" + System.nanoTime();
        http.post().uri("/api/learning/editions/" + edition + "/calendar").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("moduleId", "m1", "kind", "LIVE", "title", "Live workshop", "starts", starts.toString(), "ends", ends.toString(),
                        "roomId", room)).exchange().expectStatus().isCreated();
        // Two pages: anna from 5 min before the start (inside the 15-min grace) to 30 min in, then from 50 min in to 30
        // min past the end (cut at 15 past): 35 + 25 minutes. Bruno was there too, but did not consent.
        RoomsStandIn.INSTANCE.page(room, "", "{\"sessions\":[{\"startedAt\":\"" + starts.minusSeconds(600) + "\",\"endedAt\":\"" + starts.plusSeconds(1800)
                + "\",\"participants\":[" + participant("anna", starts.minusSeconds(300), starts.plusSeconds(1800)) + ","
                + participant("bruno", starts, starts.plusSeconds(1800)) + "],\"partial\":false}],\"next\":\"page-2\"}");
        RoomsStandIn.INSTANCE.page(room, "page-2", "{\"sessions\":[{\"startedAt\":\"" + starts.plusSeconds(3000) + "\",\"endedAt\":null"
                + ",\"participants\":[" + participant("anna", starts.plusSeconds(3000), ends.plusSeconds(1800)) + "],\"partial\":false},"
                + "{\"startedAt\":\"" + ends.plusSeconds(7200) + "\",\"endedAt\":null,\"participants\":[" + participant("anna", ends.plusSeconds(7200), null)
                + "],\"partial\":false}],\"next\":\"page-3\"}");
        int before = RoomsStandIn.INSTANCE.authorizations.size();

        JsonNode taken = http.post().uri("/api/learning/editions/" + edition + "/calendar/s1/attendance").header(HttpHeaders.AUTHORIZATION, FABIO)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(taken.get("records")).hasSize(1);
        assertThat(taken.get("records").get(0).get("name").asText()).isEqualTo("Anna");
        assertThat(taken.get("records").get(0).get("minutes").asLong()).isEqualTo(60);
        assertThat(taken.get("records").get(0).get("source").asText()).isEqualTo("ROOM_HISTORY");
        assertThat(taken.get("withoutConsent").findValuesAsString("")).isEmpty();
        assertThat(taken.get("withoutConsent").toString()).contains("Bruno");
        // The facilitator's own token went to the room server, page after page, and no page past the window was asked for.
        List<String> sent = RoomsStandIn.INSTANCE.authorizations.subList(before, RoomsStandIn.INSTANCE.authorizations.size());
        assertThat(sent).hasSize(2).allMatch(FABIO::equals);

        // Each learner sees their own attendance only; the facilitator all of it.
        assertThat(http.get().uri("/api/learning/editions/" + edition + "/attendance").header(HttpHeaders.AUTHORIZATION, learner("bruno")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()).isEmpty();
        assertThat(http.get().uri("/api/learning/editions/" + edition + "/attendance").header(HttpHeaders.AUTHORIZATION, learner("anna")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()).hasSize(1);
        // Only facilitators take attendance.
        http.post().uri("/api/learning/editions/" + edition + "/calendar/s1/attendance").header(HttpHeaders.AUTHORIZATION, learner("anna"))
                .exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRoomThatRefusesItsHistoryIsSaidSoAndSessionsInPersonAreCheckedIn() {
        var f = new Fixtures(http, FABIO);
        String edition = f.edition(f.publishedProgramme("Check-in"), "OPEN", 5);
        f.enrol(learner("carla"), edition);
        Instant starts = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> live = new HashMap<>(Map.of("moduleId", "m1", "kind", "LIVE", "title", "Not my room", "starts", starts.toString(),
                "ends", starts.plusSeconds(3600).toString(), "roomId", "someone-elses-room"));
        http.post().uri("/api/learning/editions/" + edition + "/calendar").header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(live).exchange()
                .expectStatus().isCreated();
        http.post().uri("/api/learning/editions/" + edition + "/calendar/s1/attendance").header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.message")
                .value(m -> assertThat((String) m).contains("does not let you read its history"));

        http.post().uri("/api/learning/editions/" + edition + "/calendar").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("moduleId", "m2", "kind", "IN_PERSON", "title", "Site visit", "starts", starts.toString(),
                        "ends", starts.plusSeconds(3 * 3600).toString(), "place", "Workshop hall")).exchange().expectStatus().isCreated();
        http.put().uri("/api/learning/editions/" + edition + "/calendar/s2/attendance/carla-id").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("present", true)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.minutes").isEqualTo(180).jsonPath("$.source").isEqualTo("CHECK_IN");
        // A live session is not checked in by hand, nor someone not enrolled.
        http.put().uri("/api/learning/editions/" + edition + "/calendar/s1/attendance/carla-id").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("present", true)).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        http.put().uri("/api/learning/editions/" + edition + "/calendar/s2/attendance/nobody-id").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("present", true)).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }
}
