package eu.vetnet.crdt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The automerge-paper editing trace (B4): 259,778 single-character edits, as (position, delete, insert). */
public record EditingTrace(String endContent, List<Edit> edits) {

    public record Edit(int pos, int delete, String insert) {
    }

    public static final Path DEFAULT = Path.of("src/test/resources/bench/automerge-paper.json.gz");

    public static EditingTrace load(Path path) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Edit> edits = new ArrayList<>(260_000);
            for (JsonNode txn : root.get("txns")) {
                for (JsonNode patch : txn.get("patches")) {
                    edits.add(new Edit(patch.get(0).asInt(), patch.get(1).asInt(), patch.get(2).asString()));
                }
            }
            return new EditingTrace(root.get("endContent").asString(), edits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
