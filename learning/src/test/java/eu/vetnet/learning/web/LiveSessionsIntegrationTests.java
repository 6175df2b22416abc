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
 * Live sessions' rooms against the real server and Cassandra, the room server's API from a stand-in (the browser test
 * uses the real one): a room made from the module's template with the edition's people on it, later enrolments let
 * in, the room's link back to its course, and the refusals.
 */
class LiveSessionsIntegrationTests extends LearningIntegrationTestSupport {

    static final String FABIO = bearer("fabio", "Live College", "facilitator");
    static final String COORDINATOR = bearer("cora", "Live College", "facilitator");

    String programmeWithTemplate(String template) {
        String id = http.post().uri("/api/learning/programmes").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("title", "Live sessions " + RUN, "summary", "One module", "languages", List.of("en"))).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        Map<String, Object> module = new HashMap<>(ProgrammesIntegrationTests.module("Skills gaps", 50, null, List.of()));
        module.put("template", template);
        http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(module).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.modules[0].template").isEqualTo(template);
        http.post().uri("/api/learning/programmes/" + id + "/publish").header(HttpHeaders.AUTHORIZATION, FABIO).exchange().expectStatus().isOk();
        return id;
    }

    Map<String, Object> live(String title, String roomId) {
        Instant starts = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> item = new HashMap<>(Map.of("moduleId", "m1", "kind", "LIVE", "title", title, "starts", starts.toString(),
                "ends", starts.plusSeconds(7200).toString()));
        if (roomId != null) {
            item.put("roomId", roomId);
        }
        return item;
    }

    @Test
    void aLiveSessionGetsARoomFromItsModulesTemplateWithTheEditionsPeopleAndTheRoomLinksBackToTheCourse() {
        var f = new Fixtures(http, FABIO);
        String edition = f.edition(programmeWithTemplate("skillsGap"), "OPEN", 5);
        f.enrol(learner("anna"), edition);

        JsonNode saved = http.post().uri("/api/learning/editions/" + edition + "/calendar").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(live("Kick-off", null)).exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String roomId = saved.get("calendar").get(0).get("roomId").asText();
        JsonNode room = RoomsStandIn.INSTANCE.rooms.get(roomId);
        assertThat(room).as("the room server was asked to make the session's room").isNotNull();
        assertThat(room.get("kind").asText()).isEqualTo("COURSE_SESSION");
        assertThat(room.get("template").asText()).isEqualTo("skillsGap");
        assertThat(room.get("title").asText()).isEqualTo("Live sessions " + RUN + ": Kick-off");
        assertThat(room.get("access").get("participants").toString()).isEqualTo("[\"anna-id\"]");

        // Bruno enrols after the session was scheduled: a facilitator lets him in (once; the second time adds nobody).
        f.enrol(learner("bruno"), edition);
        http.post().uri("/api/learning/editions/" + edition + "/calendar/s1/room-access").header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.added").isEqualTo(1);
        assertThat(RoomsStandIn.INSTANCE.rooms.get(roomId).get("access").get("participants").toString()).isEqualTo("[\"anna-id\",\"bruno-id\"]");
        http.post().uri("/api/learning/editions/" + edition + "/calendar/s1/room-access").header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.added").isEqualTo(0);
        // Only facilitators of the edition do that.
        http.post().uri("/api/learning/editions/" + edition + "/calendar/s1/room-access").header(HttpHeaders.AUTHORIZATION, learner("anna")).exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN);

        // The room links back to its course, for its learners and for anyone who may read the published programme.
        for (String reader : List.of(learner("anna"), learner("somebody"))) {
            http.get().uri("/api/learning/rooms/" + roomId + "/course").header(HttpHeaders.AUTHORIZATION, reader).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.editionId").isEqualTo(edition)
                    .jsonPath("$.itemId").isEqualTo("s1")
                    .jsonPath("$.itemTitle").isEqualTo("Kick-off")
                    .jsonPath("$.programmeTitle").isEqualTo("Live sessions " + RUN);
        }
        http.get().uri("/api/learning/rooms/no-such-room/course").header(HttpHeaders.AUTHORIZATION, learner("anna")).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/learning/rooms/not a room/course").header(HttpHeaders.AUTHORIZATION, learner("anna")).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void aLearnerTheRoomsListAlreadyNamesByUsernameIsNotAddedASecondTime() {
        var f = new Fixtures(http, FABIO);
        String edition = f.edition(programmeWithTemplate("skillsGap"), "OPEN", 5);
        String roomId = http.post().uri("/api/learning/editions/" + edition + "/calendar").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(live("Kick-off", null)).exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("calendar").get(0).get("roomId").asText();
        f.enrol(learner("carla"), edition);
        f.enrol(learner("dario"), edition);
        // Someone put carla on the room's list by her username already.
        var access = (tools.jackson.databind.node.ObjectNode) RoomsStandIn.INSTANCE.rooms.get(roomId).get("access");
        access.putArray("participants").add("CARLA");
        http.post().uri("/api/learning/editions/" + edition + "/calendar/s1/room-access").header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.added").isEqualTo(1);
        assertThat(RoomsStandIn.INSTANCE.rooms.get(roomId).get("access").get("participants").toString()).isEqualTo("[\"CARLA\",\"dario-id\"]");
    }

    @Test
    void aNamedRoomIsLinkedAsItIsAndRefusalsChangeNothing() {
        var f = new Fixtures(http, FABIO);
        String edition = f.edition(programmeWithTemplate("policyDialogue"), "OPEN", 5);
        String named = "named-room-" + RUN;
        int before = RoomsStandIn.INSTANCE.rooms.size();
        http.post().uri("/api/learning/editions/" + edition + "/calendar").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(live("In my own room", named)).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.calendar[0].roomId").isEqualTo(named);
        assertThat(RoomsStandIn.INSTANCE.rooms).as("no room made for a session that names its own").hasSize(before);
        http.get().uri("/api/learning/rooms/" + named + "/course").header(HttpHeaders.AUTHORIZATION, learner("anna")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.editionId").isEqualTo(edition);
        // The room server refuses to change a room's list to someone who does not facilitate it: said, nothing saved.
        http.post().uri("/api/learning/editions/" + edition + "/calendar/s1/room-access").header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.message")
                .value(m -> assertThat((String) m).contains("does not let you read its access list"));

        // The room server makes rooms for facilitators only: a coordinator who is not one gets its answer, and the
        // calendar stays as it was.
        String programme = programmeWithTemplate("skillsGap");
        String coordinatorsEdition = f.edition(programme, "OPEN", 5);
        String notFacilitator = bearer("fabio", "Live College", "participant");
        http.post().uri("/api/learning/editions/" + coordinatorsEdition + "/calendar").header(HttpHeaders.AUTHORIZATION, notFacilitator)
                .bodyValue(live("Refused", null)).exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("only facilitators and admins create rooms"));
        http.get().uri("/api/learning/editions/" + coordinatorsEdition).header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.edition.calendar.length()").isEqualTo(0);
    }

    @Test
    void aModulesTemplateIsAnIdNotMarkup() {
        String id = http.post().uri("/api/learning/programmes").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("title", "Templates " + RUN, "summary", "One module", "languages", List.of("en"))).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        Map<String, Object> module = new HashMap<>(ProgrammesIntegrationTests.module("Bad template", 50, null, List.of()));
        module.put("template", "<script>");
        http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, FABIO).bodyValue(module).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("invalid template"));
        http.get().uri("/api/learning/programmes/" + id).header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.modules.length()").isEqualTo(0);
    }
}
