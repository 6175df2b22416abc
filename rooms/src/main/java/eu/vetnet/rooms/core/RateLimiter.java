package eu.vetnet.rooms.core;

/** A token bucket: {@code perSecond} tokens refill continuously up to {@code burst}. Not thread-safe. */
final class RateLimiter {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    RateLimiter(double perSecond, double burst) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    /**
     * Takes {@code n} tokens even when fewer are left (the bucket goes into debt); returns the nanoseconds until it is
     * out of debt again (0 when it is not in debt).
     */
    long take(double n) {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano) - n;
        last = now;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
    }

    /** Takes one token; false when the bucket is empty. */
    boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
