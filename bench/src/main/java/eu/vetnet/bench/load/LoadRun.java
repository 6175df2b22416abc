package eu.vetnet.bench.load;

import eu.vetnet.bench.servers.Target;
import eu.vetnet.bench.ws.WsLoop;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load step against one server: R rooms of C clients join the notes document, then each client types an
 * update at a fixed rate with a random phase; after a warm-up, a window measures latency, deliveries, server
 * CPU and the harness's own CPU (to show when the harness, not the server, is the limit).
 */
public final class LoadRun {

    private static final AtomicLong CLIENT_IDS = new AtomicLong(1_000_000);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final WsLoop loop;
    private final Target target;
    private final List<LoadClient> clients = new ArrayList<>();
    private final List<List<LoadClient>> rooms = new ArrayList<>();
    private final Recorder recorder = new Recorder();
    /** Deliveries the measured sends of the current step should make (loop thread). */
    private long expected;

    public LoadRun(WsLoop loop, Target target) {
        this.loop = loop;
        this.target = target;
    }

    /** Creates {@code roomCount} rooms of {@code perRoom} typists, connects them and waits until all synced. */
    public void join(int roomCount, int perRoom) throws Exception {
        join(roomCount, perRoom, true);
    }

    /** As {@link #join(int, int)}; {@code typists} false joins readers that never write (idle tabs). */
    public void join(int roomCount, int perRoom, boolean typists) throws Exception {
        for (int r = 0; r < roomCount; r++) {
            String room = target.prepareRoom("load-" + System.nanoTime() + "-" + r, perRoom);
            String document = target.documentName(room, "notes");
            List<LoadClient> members = new ArrayList<>();
            for (int u = 0; u < perRoom; u++) {
                LoadClient c = new LoadClient(document, target.token(u), CLIENT_IDS.incrementAndGet(), recorder, typists);
                members.add(c);
                clients.add(c);
            }
            rooms.add(members);
            // Join room by room: a burst of thousands of simultaneous upgrades measures the accept queue, not rooms.
            loop.call(() -> {
                for (LoadClient c : members) {
                    recorder.register(c);
                    c.connection = loop.connect(target.socketUri(room), null, c);
                }
                return null;
            }).get();
            CompletableFuture.allOf(members.stream().map(c -> c.joined).toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
        }
        if (typists) {
            loop.call(() -> {
                clients.forEach(LoadClient::sendState);
                return null;
            }).get();
            Thread.sleep(1000);
        }
    }

    public int clientCount() {
        return clients.size();
    }

    /**
     * Every client types {@code perClientHz} updates a second: {@code warmupSeconds} unmeasured, then
     * {@code windowSeconds} measured, then a drain of up to {@code drainSeconds} for late deliveries.
     */
    public LoadResult measure(String scenario, double perClientHz, double warmupSeconds, double windowSeconds,
            double drainSeconds) throws Exception {
        long intervalNanos = (long) (1e9 / perClientHz);
        long start = System.nanoTime() + 100_000_000L;
        long windowStart = start + (long) (warmupSeconds * 1e9);
        long windowEnd = windowStart + (long) (windowSeconds * 1e9);
        long[] sent = new long[1];
        loop.call(() -> {
            recorder.reset(windowStart);
            expected = 0;
            for (List<LoadClient> room : rooms) {
                int others = room.size() - 1;
                for (LoadClient c : room) {
                    long first = start + ThreadLocalRandom.current().nextLong(intervalNanos);
                    schedule(c, first, intervalNanos, windowStart, windowEnd, others, sent);
                }
            }
            loop.at(windowStart, () -> recorder.windowOpen = true);
            loop.at(windowEnd, () -> recorder.windowOpen = false);
            return null;
        }).get();
        sleepUntil(windowStart);
        double cpu0 = target.process().cpuSeconds();
        long harness0 = THREADS.getThreadCpuTime(loop.threadId());
        sleepUntil(windowEnd);
        double cpu1 = target.process().cpuSeconds();
        long harness1 = THREADS.getThreadCpuTime(loop.threadId());
        long drainEnd = System.nanoTime() + (long) (drainSeconds * 1e9);
        while (System.nanoTime() < drainEnd) {
            long[] progress = loop.call(() -> new long[] {recorder.delivered, expected}).get();
            if (progress[0] >= progress[1]) {
                break;
            }
            Thread.sleep(50);
        }
        return loop.call(() -> new LoadResult(target.name(), scenario, perClientHz * clients.size(), sent[0], expected,
                recorder.delivered, windowSeconds, recorder.deliveredInWindow, recorder.latency,
                cpu1 - cpu0, (harness1 - harness0) / 1e9, recorder.refused, recorder.firstRefusal)).get();
    }

    private void schedule(LoadClient c, long at, long interval, long windowStart, long windowEnd, int others, long[] sent) {
        if (at >= windowEnd) {
            return;
        }
        loop.at(at, () -> {
            boolean measured = at >= windowStart;
            c.type(measured);
            if (measured) {
                sent[0]++;
                expected += others;
            }
            schedule(c, at + interval, interval, windowStart, windowEnd, others, sent);
        });
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Closes every client of this run and waits until the server saw them go. */
    public void leave() throws Exception {
        loop.call(() -> {
            clients.forEach(c -> c.connection.close());
            return null;
        }).get();
        Thread.sleep(500);
    }
}
