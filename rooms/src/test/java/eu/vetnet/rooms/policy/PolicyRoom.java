package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.rooms.core.CloseCodes;
import eu.vetnet.rooms.core.Room;
import eu.vetnet.rooms.core.RoomLimits;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.AccessDeniedException;
import eu.vetnet.rooms.hook.AuthenticatePayload;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.room.AccessList;
import eu.vetnet.rooms.room.InMemoryRoomStore;
import eu.vetnet.rooms.room.RoomAccessHook;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.storage.InMemoryDocumentStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real room server in-process: the production hooks for access (RoomAccessHook over an in-memory room store) and
 * storage, the production policies, two lane workers; only the token decoding is replaced (a token here is the user
 * id, optionally {@code user|realmRole,realmRole}). One per adversarial case, so a case replays alone exactly.
 */
final class PolicyRoom implements AutoCloseable {

    /** The longest any single answer of the server may take before the case is reported as stalled. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final java.util.Set<Thread> lanes = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = daemon(r, "policy-lane-");
        lanes.add(t);
        return t;
    });
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "policy-timer-"));
    final InMemoryRoomStore rooms = new InMemoryRoomStore();
    final InMemoryDocumentStorage storage = new InMemoryDocumentStorage();
    final RoomServer server;

    PolicyRoom(RoomLimits limits) {
        server = new RoomServer(limits, List.of(new Tokens(), new RoomAccessHook(rooms), storage), Policies::forDocument,
                workers, timer);
    }

    void create(String id, RoomKind kind, AccessList access, List<String> documents, List<String> readOnly) {
        rooms.save(new RoomRecord(id, "adversarial " + id, kind, access, documents, readOnly, false, Instant.now()))
                .toCompletableFuture().join();
    }

    /** What the server's copy of one document holds, read on the room's lane. */
    record DocState(String json, Map<Long, Long> stateVector, boolean pending, byte[] update) {
    }

    DocState state(String roomId, String document) {
        return onLane(roomId, docs -> {
            YDoc d = docs.get(document);
            if (d == null) {
                return new DocState("{}", Map.of(), false, new YDoc().encodeStateAsUpdate());
            }
            return new DocState(RulesJson.render(d), d.store().getStateVector(),
                    d.store().pendingStructs() != null || d.store().pendingDeletes() != null, d.encodeStateAsUpdate());
        });
    }

    <T> T onLane(String roomId, Function<Map<String, YDoc>, T> read) {
        Room room = server.openRoom(roomId);
        if (room == null) {
            throw new IllegalStateException("room " + roomId + " is not open");
        }
        try {
            return room.inspect(read).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new Stalled("reading room " + roomId + " on its lane took over " + WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("reading room " + roomId + " failed", e.getCause());
        }
    }

    /** Waits until the room was stored and unloaded (its last connection left); false when it stays loaded. */
    boolean awaitUnloaded(String roomId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.openRoom(roomId) != null) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** What the lane threads are doing (for a stall: where the server is stuck). */
    String laneStacks() {
        StringBuilder sb = new StringBuilder();
        for (java.util.Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (lanes.contains(e.getKey())) {
                sb.append("  ").append(e.getKey().getName()).append(' ').append(e.getKey().getState()).append('\n');
                for (int i = 0; i < Math.min(25, e.getValue().length); i++) {
                    sb.append("    at ").append(e.getValue()[i]).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    /** The server did not answer within {@link #WAIT}. */
    static final class Stalled extends RuntimeException {
        Stalled(String message) {
            super(message);
        }
    }

    private static Thread daemon(Runnable r, String prefix) {
        Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /** Stands in for the JWT hook: {@code user} or {@code user|admin,policymaker}; never expires. */
    private static final class Tokens implements RoomHook {
        @Override
        public int priority() {
            return 1000;
        }

        @Override
        public CompletionStage<Void> onAuthenticate(AuthenticatePayload p) {
            if (p.token() == null || p.token().isEmpty()) {
                throw new AccessDeniedException(CloseCodes.UNAUTHORIZED, "no token");
            }
            String[] parts = p.token().split("\\|");
            Set<String> roles = parts.length > 1 ? Set.copyOf(Arrays.asList(parts[1].split(","))) : Set.of();
            p.context().user(new RoomUser(parts[0], parts[0], parts[0] + " name", roles, null));
            return DONE;
        }
    }
}
