package eu.vetnet.crdt.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import eu.vetnet.crdt.differential.JavaReplica;
import eu.vetnet.crdt.differential.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Updates written by the real yjs (src/test/js/gen-golden.mjs, which wrote manifest.json beside them):
 * loaded into a fresh document, each must show the same content, state vector, pending state and
 * re-encoded bytes as in yjs.
 */
class GoldenFilesTests {

    private static final Path DIR = Path.of("src/test/resources/golden");

    @TestFactory
    List<DynamicTest> everyGoldenFileLoadsAsInYjs() throws IOException {
        JsonNode manifest = JsonMapper.builder().build().readTree(DIR.resolve("manifest.json").toFile());
        long loadClient = manifest.get("loadClientId").asLong();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : manifest.get("files")) {
            boolean v2 = "v2".equals(entry.get("format").asString());
            String file = entry.get("file").asString();
            tests.add(dynamicTest(file + ": " + entry.get("description").asString(), () -> {
                JavaReplica doc = new JavaReplica(loadClient, entry.get("gc").asBoolean());
                byte[] bytes = Files.readAllBytes(DIR.resolve(file));
                if (v2) {
                    doc.doc().applyUpdateV2(bytes);
                } else {
                    doc.apply(bytes);
                }
                check(file, entry, doc);
                if (entry.has("afterAlso")) {
                    JsonNode after = entry.get("afterAlso");
                    byte[] companion = Files.readAllBytes(DIR.resolve(after.get("file").asString()));
                    if (v2) {
                        doc.doc().applyUpdateV2(companion);
                    } else {
                        doc.apply(companion);
                    }
                    check(file + " + " + after.get("file").asString(), after, doc);
                }
            }));
        }
        return tests;
    }

    private static void check(String what, JsonNode expected, JavaReplica doc) {
        assertEquals(Wire.normalize(expected.get("json")), Wire.normalize(doc.json()), what + ": content");
        assertArrayEquals(Base64.getDecoder().decode(expected.get("stateVector").asString()),
                doc.doc().encodeStateVector(), what + ": state vector");
        boolean pending = doc.doc().store().pendingStructs() != null || doc.doc().store().pendingDeletes() != null;
        assertEquals(expected.get("pending").asBoolean(), pending, what + ": pending");
        assertArrayEquals(Base64.getDecoder().decode(expected.get("encodeStateAsUpdate").asString()),
                doc.doc().encodeStateAsUpdate(), what + ": encodeStateAsUpdate");
    }
}
