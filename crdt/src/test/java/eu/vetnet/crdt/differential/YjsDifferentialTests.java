package eu.vetnet.crdt.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.oracle.Engine;
import eu.vetnet.crdt.oracle.NodeOracle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded multi-user scenarios run side by side on this engine and on yjs: every edit's update, every
 * state-vector diff and every final state must be byte-identical. {@code -Dcrdt.seeds=N} runs more
 * (the soak); the default keeps CI quick.
 */
class YjsDifferentialTests {

    private static final int SEEDS = Integer.getInteger("crdt.seeds", 150);
    private static final int STEPS = Integer.getInteger("crdt.steps", 120);
    private static NodeOracle yjs;

    @BeforeAll
    static void start() {
        yjs = NodeOracle.start(Engine.YJS);
    }

    @AfterAll
    static void stop() {
        yjs.close();
    }

    private static int run(long base, int seeds, int users, boolean formatting, boolean gc) {
        int edits = 0;
        for (long seed = base; seed < base + seeds; seed++) {
            Scenario s = new Scenario(yjs, seed, users, formatting, gc, true);
            s.run(STEPS);
            edits += s.editsChecked;
        }
        return edits;
    }

    @Test
    void fiveUsersWithoutFormattingMatchYjsByteForByte() {
        assertTrue(run(1_000, SEEDS, 5, false, true) > SEEDS);
    }

    @Test
    void fiveUsersWithRichTextFormattingMatchYjsByteForByte() {
        assertTrue(run(2_000, SEEDS, 5, true, true) > SEEDS);
    }

    @Test
    void garbageCollectionOffKeepsDeletedContentLikeYjs() {
        assertTrue(run(3_000, SEEDS / 3, 5, true, false) > SEEDS / 3);
    }
}
