package eu.vetnet.bench;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.JsJson;
import eu.vetnet.crdt.types.YText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** The B4 document: the automerge-paper editing trace replayed into a Y.Text, encoded as one v1 update. */
final class B4Document {

    private B4Document() {
    }

    static byte[] encode(Path trace) throws IOException {
        Map<?, ?> root;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(trace))) {
            root = (Map<?, ?>) JsJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        YDoc doc = new YDoc();
        YText text = doc.getText("text");
        for (Object txn : (List<?>) root.get("txns")) {
            for (Object p : (List<?>) ((Map<?, ?>) txn).get("patches")) {
                List<?> patch = (List<?>) p;
                int pos = ((Number) patch.get(0)).intValue();
                int delete = ((Number) patch.get(1)).intValue();
                String insert = (String) patch.get(2);
                if (delete > 0) {
                    text.delete(pos, delete);
                }
                if (!insert.isEmpty()) {
                    text.insert(pos, insert);
                }
            }
        }
        if (!text.toString().equals(root.get("endContent"))) {
            throw new IllegalStateException("the replayed B4 text differs from the trace's endContent");
        }
        return doc.encodeStateAsUpdate();
    }
}
