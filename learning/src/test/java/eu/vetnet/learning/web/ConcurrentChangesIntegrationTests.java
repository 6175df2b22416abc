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
import tools.jackson.databind.JsonNode;

/**
 * Changes to one programme or one edition sent at once, against the real server and Cassandra: each is written only
 * over the version it was applied to (storage/RowVersions), so none is lost and ids stay distinct.
 */
class ConcurrentChangesIntegrationTests extends LearningIntegrationTestSupport {

    static final String FABIO = bearer("fabio", "Concurrent College", "facilitator");
    static final int AT_ONCE = 6;

    @Test
    void modulesAddedAtOnceAreAllKeptEachWithItsOwnId() {
        String id = http.post().uri("/api/learning/programmes").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("title", "Busy design " + RUN, "summary", "Many hands", "languages", List.of("en"))).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        allAtOnce(i -> http.post().uri("/api/learning/programmes/" + id + "/modules").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(ProgrammesIntegrationTests.module("Module " + i, 25, null, List.of())).exchange().expectStatus().isCreated());

        JsonNode modules = http.get().uri("/api/learning/programmes/" + id).header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("modules");
        List<String> titles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        modules.forEach(m -> {
            titles.add(m.get("title").asText());
            ids.add(m.get("id").asText());
        });
        assertThat(titles).hasSize(AT_ONCE).containsExactlyInAnyOrderElementsOf(numbered("Module "));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(numbered("m", 1));
    }

    @Test
    void calendarEntriesAddedAtOnceAreAllKeptEachWithItsOwnId() {
        var f = new Fixtures(http, FABIO);
        String edition = f.edition(f.publishedProgramme("Busy calendar " + RUN), "OPEN", 5);
        allAtOnce(i -> http.post().uri("/api/learning/editions/" + edition + "/calendar").header(HttpHeaders.AUTHORIZATION, FABIO)
                .bodyValue(Map.of("moduleId", "m1", "kind", "SELF_STUDY", "title", "Reading " + i, "link", "https://example.org/r" + i))
                .exchange().expectStatus().isCreated());

        JsonNode calendar = http.get().uri("/api/learning/editions/" + edition).header(HttpHeaders.AUTHORIZATION, FABIO).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("edition").get("calendar");
        List<String> titles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        calendar.forEach(c -> {
            titles.add(c.get("title").asText());
            ids.add(c.get("id").asText());
        });
        assertThat(titles).containsExactlyInAnyOrderElementsOf(numbered("Reading "));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(numbered("s", 1));
    }

    private void allAtOnce(java.util.function.IntConsumer request) {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                int n = i;
                all.add(CompletableFuture.runAsync(() -> request.accept(n), pool));
            }
            all.forEach(CompletableFuture::join);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> numbered(String prefix) {
        return numbered(prefix, 0);
    }

    private static List<String> numbered(String prefix, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < from + AT_ONCE; i++) {
            out.add(prefix + i);
        }
        return out;
    }
}
