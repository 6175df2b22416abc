package eu.vetnet.community.library;

import eu.vetnet.identity.api.ApiException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;

/**
 * At most so many library writes per person per minute on this server, on top of the gateway's request limit: a
 * script that loops on "create" is refused before it fills the store. In memory: it guards this process's work.
 */
public final class WriteLimiter {

    private static final long WINDOW_MS = 60_000;
    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public WriteLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public void take(String userId) {
        long now = clock.millis();
        Deque<Long> times = recent.computeIfAbsent(userId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                long waitS = Math.max(1, (times.peekFirst() + WINDOW_MS - now + 999) / 1000);
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "more than " + perMinute + " library writes in a minute",
                        "wait " + waitS + " s");
            }
            times.addLast(now);
        }
        if (recent.size() > 100_000) {
            recent.clear(); // bounded memory; forgetting windows only lets a few writes more through
        }
    }
}
