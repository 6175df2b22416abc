package eu.vetnet.rooms.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Proves the room server's write rules against generated hostile updates (docs/rooms.md, "Proving the rules"): every
 * update the real server applies, through its real write path and policies, must be a change the rules let its sender
 * make, leave yjs and the server's engine with the same document, and leave the room writable.
 *
 * <p>Properties: {@code vetnet.adversarial.seed} (default {@value #DEFAULT_SEED}; {@code random} picks and prints one),
 * {@code vetnet.adversarial.cases} (default {@value #DEFAULT_CASES}), {@code vetnet.adversarial.case} (run that case
 * alone), {@code vetnet.adversarial.from} (first case index), {@code vetnet.adversarial.yjs-every} (compare with yjs
 * in every n-th case; 0 never; default 1), {@code vetnet.adversarial.strict} (fail on {@link OpenFindings} too).
 */
class AdversarialRulesTests {

    static final long DEFAULT_SEED = 12_2025L;
    static final int DEFAULT_CASES = 2_000;

    @Test
    void noHostileUpdateGetsAWritePastTheRules() {
        String seedProperty = System.getProperty("vetnet.adversarial.seed", String.valueOf(DEFAULT_SEED));
        long seed = "random".equals(seedProperty) ? System.nanoTime() : Long.parseLong(seedProperty);
        String only = System.getProperty("vetnet.adversarial.case");
        int from = only != null ? Integer.parseInt(only) : Integer.getInteger("vetnet.adversarial.from", 0);
        int to = only != null ? from + 1 : from + Integer.getInteger("vetnet.adversarial.cases", DEFAULT_CASES);
        int yjsEvery = Integer.getInteger("vetnet.adversarial.yjs-every", 1);
        System.out.println("adversarial rules: seed " + seed + ", cases " + from + ".." + (to - 1) + ", yjs every " + yjsEvery);

        AdversarialReport report = new AdversarialReport();
        long start = System.currentTimeMillis();
        try (YjsMirror yjs = yjsEvery > 0 ? YjsMirror.start() : null) {
            for (int i = from; i < to; i++) {
                AdversarialCase c = new AdversarialCase(seed, i, yjsEvery > 0 && i % yjsEvery == 0 ? yjs : null);
                c.trace = only != null;
                c.run();
                report.add(seed, i, c);
                if (only != null) {
                    c.findings.forEach(f -> System.out.println("finding: " + f));
                }
                if ((i - from + 1) % 5_000 == 0) {
                    System.out.printf("  %d cases, %d distinct findings, %.0f s%n", i - from + 1, report.findings().size(),
                            (System.currentTimeMillis() - start) / 1000.0);
                }
            }
        }
        String summary = report.summary(seed, from, to, System.currentTimeMillis() - start);
        System.out.println(summary);
        assertTrue(report.clean(Boolean.getBoolean("vetnet.adversarial.strict")), summary);
    }
}
