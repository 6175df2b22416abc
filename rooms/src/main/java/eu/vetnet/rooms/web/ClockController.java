package eu.vetnet.rooms.web;

import java.time.Clock;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/clock}: the room server's time, so that every browser shows a workshop timer against the same
 * clock whatever its own says (docs/frontend.md, "Session bar"). The app measures its offset from it.
 */
@RestController
public class ClockController {

    private final Clock clock = Clock.systemUTC();

    @GetMapping("/api/clock")
    public Map<String, Long> now() {
        return Map.of("now", clock.millis());
    }
}
