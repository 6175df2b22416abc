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

    /** The trace on the test classpath (src/test/resources/bench), whatever the working directory. */
    public static final String RESOURCE = "/bench/automerge-paper.json.gz";

    public static final Path DEFAULT = Path.of("src/test/resources/bench/automerge-paper.json.gz");

    public static EditingTrace load() {
        InputStream in = EditingTrace.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath: run `mvn -o -pl crdt test-compile` first");
        }
        return read(in);
    }

    public static EditingTrace load(Path path) {
        try {
            return read(Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EditingTrace read(InputStream raw) {
        try (InputStream in = new GZIPInputStream(raw)) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            if (!root.get("startContent").asString().isEmpty()) {
                throw new IllegalStateException("the trace must start from an empty document");
            }
            List<Edit> edits = new ArrayList<>(260_000);
            // bench.mjs replays patches[0] of every txn; each txn of this trace holds exactly one patch.
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

    /** The first {@code count} edits, with the text they end in computed on a plain string. */
    public EditingTrace prefix(int count) {
        List<Edit> head = edits.subList(0, Math.min(count, edits.size()));
        StringBuilder text = new StringBuilder();
        for (Edit e : head) {
            text.delete(e.pos(), e.pos() + e.delete());
            text.insert(e.pos(), e.insert());
        }
        return new EditingTrace(text.toString(), List.copyOf(head));
    }
}
