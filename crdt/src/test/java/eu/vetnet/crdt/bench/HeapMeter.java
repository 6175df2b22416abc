package eu.vetnet.crdt.bench;

import java.lang.ref.Reference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Heap held by an object graph, measured the way bench.mjs measures yjs's: heap in use after full
 * collections with the object reachable, minus the same before it was built. Bytes live in both
 * measurements (the update being loaded, the trace) cancel out.
 *
 * <p>{@link System#gc()} is a full, compacting collection under G1, Parallel and Serial (unless
 * -XX:+ExplicitGCInvokesConcurrent or -XX:+DisableExplicitGC is set, which the harness does not).
 * The residue is the allocation between the collection and the reading (a few KB) and whatever
 * another thread allocates meanwhile (none in this single-threaded harness).
 */
final class HeapMeter {

    private HeapMeter() {
    }

    /** Bytes retained by what {@code build} returns; {@code verify} runs on it after the second reading. */
    static <T> long retainedBy(Supplier<T> build, Consumer<T> verify) {
        long before = usedAfterFullGc();
        T held = build.get();
        long after = usedAfterFullGc();
        verify.accept(held);
        Reference.reachabilityFence(held);
        return after - before;
    }

    static long usedAfterFullGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
