package eu.vetnet.crdt.bench;

/**
 * The seeded PRNG of bench.mjs (mulberry32), bit for bit: with the same seed the Java cases edit at
 * the same positions as yjs and ywasm do.
 */
final class Mulberry32 {

    private int state;

    Mulberry32(int seed) {
        this.state = seed;
    }

    /** The next value in [0, 1), as JS's {@code prng(seed)()} returns it. */
    double next() {
        // JS: seed = seed + 0x6D2B79F5 | 0; Math.imul and `>>>` are int32 arithmetic, as Java's int is.
        state += 0x6D2B79F5;
        int t = (state ^ (state >>> 15)) * (1 | state);
        t = (t + (t ^ (t >>> 7)) * (61 | t)) ^ t;
        return ((t ^ (t >>> 14)) & 0xFFFF_FFFFL) / 4294967296.0;
    }

    /** {@code Math.floor(rnd() * bound)}. */
    int below(int bound) {
        return (int) Math.floor(next() * bound);
    }
}
