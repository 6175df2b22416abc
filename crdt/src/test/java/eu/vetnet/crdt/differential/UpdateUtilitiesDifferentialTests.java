package eu.vetnet.crdt.differential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.Updates;
import eu.vetnet.crdt.oracle.Engine;
import eu.vetnet.crdt.oracle.NodeOracle;
import eu.vetnet.crdt.oracle.RandomOps;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations on updates that need no document, side by side with yjs on real updates from seeded
 * sessions: merging random subsets (out of order, with gaps that become skips), diffing against random
 * state vectors, the state vector of an update, converting v1 to v2, and v2 document states. Byte for byte.
 */
class UpdateUtilitiesDifferentialTests {

    private static NodeOracle yjs;

    @BeforeAll
    static void start() {
        yjs = NodeOracle.start(Engine.YJS);
    }

    @AfterAll
    static void stop() {
        yjs.close();
    }

    private static List<byte[]> session(long seed, List<JavaReplica> users) {
        Random rnd = new Random(seed);
        RandomOps ops = new RandomOps(new Random(seed + 3), true);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            JavaReplica u = users.get(rnd.nextInt(users.size()));
            u.op(ops.next(u.json()));
            List<byte[]> emitted = u.drainEmitted();
            out.addAll(emitted);
            for (JavaReplica other : users) {
                if (other != u && rnd.nextInt(3) > 0) {
                    emitted.forEach(other::apply);
                    out.addAll(other.drainEmitted());
                }
            }
        }
        return out;
    }

    private static byte[] b64(JsonNode n) {
        return Base64.getDecoder().decode(n.asString());
    }

    private static byte[] yjsCall(String cmd, List<byte[]> updates, byte[] update, byte[] sv) {
        ObjectNode c = yjs.command(cmd);
        if (updates != null) {
            ArrayNode a = c.putArray("updates");
            updates.forEach(u -> a.add(Base64.getEncoder().encodeToString(u)));
        }
        if (update != null) {
            c.put("update", Base64.getEncoder().encodeToString(update));
        }
        if (sv != null) {
            c.put("sv", Base64.getEncoder().encodeToString(sv));
        }
        JsonNode reply = yjs.call(c);
        return b64(reply.has("update") ? reply.get("update") : reply.get("sv"));
    }

    @Test
    void mergeDiffStateVectorAndConversionMatchYjs() {
        int checked = 0;
        for (long seed = 0; seed < 40; seed++) {
            List<JavaReplica> users = List.of(new JavaReplica(11, true), new JavaReplica(22, true), new JavaReplica(33, false));
            List<byte[]> updates = session(seed, users);
            Random rnd = new Random(seed);
            for (int k = 0; k < 10; k++) {
                List<byte[]> subset = new ArrayList<>();
                for (byte[] u : updates) {
                    if (rnd.nextInt(3) == 0) {
                        subset.add(u);
                    }
                }
                if (subset.isEmpty()) {
                    continue;
                }
                Collections.shuffle(subset, rnd);
                String where = "seed " + seed + " subset " + k;
                byte[] merged = Updates.mergeUpdates(subset);
                assertArrayEquals(yjsCall("mergeUpdates", subset, null, null), merged, where + ": mergeUpdates");
                byte[] sv = users.get(rnd.nextInt(users.size())).doc().encodeStateVector();
                assertArrayEquals(yjsCall("diffUpdate", null, merged, sv), Updates.diffUpdate(merged, sv), where + ": diffUpdate");
                assertArrayEquals(yjsCall("encodeStateVectorFromUpdate", null, merged, null),
                        Updates.encodeStateVectorFromUpdate(merged), where + ": state vector of an update");
                byte[] v2 = Updates.convertV1ToV2(merged);
                assertArrayEquals(yjsCall("convertV1ToV2", null, merged, null), v2, where + ": v1 to v2");
                assertArrayEquals(merged, Updates.convertV2ToV1(v2), where + ": v2 back to v1");
                List<byte[]> subsetV2 = subset.stream().map(Updates::convertV1ToV2).toList();
                assertArrayEquals(yjsCall("mergeUpdatesV2", subsetV2, null, null), Updates.mergeUpdatesV2(subsetV2),
                        where + ": mergeUpdatesV2");
                checked++;
            }
            for (JavaReplica u : users) {
                yjs.reset();
                yjs.newDoc("d", 77, true);
                yjs.apply("d", u.doc().encodeStateAsUpdate());
                JavaReplica twin = new JavaReplica(77, true);
                twin.apply(u.doc().encodeStateAsUpdate());
                assertArrayEquals(yjs.encodeStateV2("d", null), twin.doc().encodeStateAsUpdateV2(null), "seed " + seed + ": v2 state");
            }
        }
        assertTrue(checked > 200);
    }
}
