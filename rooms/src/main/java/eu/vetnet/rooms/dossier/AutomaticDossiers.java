package eu.vetnet.rooms.dossier;

import eu.vetnet.rooms.presence.Presence;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The dossier a scheduled session gets by itself (docs/rooms.md, "Session dossier"): every {@code sweep-every}, the
 * sessions that ended within {@code wait-for-empty} are looked at; one whose room is empty now (presence, across
 * hosts), and that no facilitator gave a dossier since it started, is claimed (one host wins, in Cassandra) and its
 * dossier assembled as a draft, for a facilitator to complete and send. A room still in use waits for a later sweep.
 */
@Component
public class AutomaticDossiers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AutomaticDossiers.class);
    /** Who the overview says assembled it. */
    public static final String ASSEMBLED_BY = "VET-NET (the scheduled session was over)";

    private final ObjectProvider<Schedules> schedules;
    private final ObjectProvider<DossierStore> dossiers;
    private final RoomStore rooms;
    private final Presence presence;
    private final DossierAssembler assembler;
    private final Duration every;
    private final Duration waitForEmpty;
    private ScheduledExecutorService timer;
    /**
     * Sessions this host is done with (assembled, claimed by another host, or ended with a facilitator's dossier): not
     * looked at again by each sweep of the next {@code wait-for-empty}. Forgotten once out of that window.
     */
    private final Set<Schedules.Schedule> done = ConcurrentHashMap.newKeySet();

    public AutomaticDossiers(ObjectProvider<Schedules> schedules, ObjectProvider<DossierStore> dossiers, RoomStore rooms, Presence presence,
            DossierAssembler assembler, @Value("${vetnet.dossier.sweep-every:PT1M}") Duration every,
            @Value("${vetnet.dossier.wait-for-empty:PT12H}") Duration waitForEmpty) {
        this.schedules = schedules;
        this.dossiers = dossiers;
        this.rooms = rooms;
        this.presence = presence;
        this.assembler = assembler;
        this.every = every;
        this.waitForEmpty = waitForEmpty;
    }

    /** One look at the sessions that ended lately; answers how many dossiers it assembled. */
    public int sweep() {
        Schedules store = schedules.getIfAvailable();
        DossierStore kept = dossiers.getIfAvailable();
        if (store == null || kept == null) {
            return 0;
        }
        Instant now = Instant.now();
        done.removeIf(s -> s.endsAt().isBefore(now.minus(waitForEmpty)));
        List<Schedules.Schedule> ended = store.endedBetween(now.minus(waitForEmpty), now).toCompletableFuture().join();
        int made = 0;
        for (Schedules.Schedule s : ended) {
            if (done.contains(s)) {
                continue;
            }
            try {
                if (assembleIfDue(store, kept, s)) {
                    made++;
                }
            } catch (RuntimeException e) {
                log.warn("the automatic dossier of room {} (session ended {}) failed: {}", s.room(), s.endsAt(), e.toString());
            }
        }
        return made;
    }

    private boolean assembleIfDue(Schedules store, DossierStore kept, Schedules.Schedule s) {
        boolean empty = presence.room(s.room()).map(List::isEmpty).blockOptional(Duration.ofSeconds(30)).orElse(false);
        if (!empty) {
            return false;
        }
        boolean already = kept.ofRoom(s.room()).toCompletableFuture().join().stream().anyMatch(d -> !d.createdAt().isBefore(s.startsAt()));
        boolean ours = store.claim(s.room(), s.endsAt()).toCompletableFuture().join();
        done.add(s);
        if (!ours || already) {
            return false;
        }
        Dossier d = RoomReads.existing(rooms, s.room()).flatMap(room -> assembler.assemble(room, ASSEMBLED_BY)).block(Duration.ofMinutes(2));
        log.info("the scheduled session of room {} ended {} and the room is empty: dossier {} assembled", s.room(), s.endsAt(), d == null ? "?" : d.version());
        return true;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dossier-sweep");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("the sweep for automatic dossiers failed: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
