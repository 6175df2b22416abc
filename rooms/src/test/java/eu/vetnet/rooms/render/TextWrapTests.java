package eu.vetnet.rooms.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's word wrap against the cases the app's is tested with (frontend/src/board/wrap-cases.json). */
class TextWrapTests {

    @Test
    void wrapsEveryCaseExactlyAsTheApp() throws IOException {
        JsonNode cases = JsonMapper.builder().build().readTree(Files.readString(Path.of("..", "frontend", "src", "board", "wrap-cases.json")))
                .get("cases");
        assertThat(cases.size()).isGreaterThan(10);
        for (JsonNode c : cases) {
            List<String> expected = new ArrayList<>();
            c.get("lines").forEach(l -> expected.add(l.asText()));
            assertThat(TextWrap.wrap(c.get("text").asText(), c.get("width").asDouble(), c.get("size").asDouble()))
                    .as(c.get("text").asText()).isEqualTo(expected);
        }
    }
}
