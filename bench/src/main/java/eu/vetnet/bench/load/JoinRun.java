package eu.vetnet.bench.load;

import eu.vetnet.bench.servers.Target;
import eu.vetnet.bench.ws.WsLoop;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Joins of a room holding a large document: an owner uploads it (and stays, so the room stays loaded), then
 * readers join one after another; a join is the time from the open socket to the whole document received
 * (sync step 2), as a browser opening the room waits for it.
 */
public final class JoinRun {

    private static final AtomicLong CLIENT_IDS = new AtomicLong(5_000_000);

    private JoinRun() {
    }

    public static LatencyHistogram run(WsLoop loop, Target target, byte[] document, int warmups, int joins)
            throws Exception {
        Recorder recorder = new Recorder();
        String room = target.prepareRoom("b4-" + System.nanoTime(), 2);
        String name = target.documentName(room, "paper");
        LoadClient owner = new LoadClient(name, target.ownerToken(), CLIENT_IDS.incrementAndGet(), recorder, false);
        loop.call(() -> owner.connection = loop.connect(target.socketUri(room), null, owner)).get();
        owner.joined.get(30, TimeUnit.SECONDS);
        loop.call(() -> {
            owner.sendRaw(document);
            return null;
        }).get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (loop.call(() -> owner.acks).get() < 1) {
            if (System.nanoTime() > deadline || loop.call(() -> recorder.refused).get() > 0) {
                throw new IllegalStateException(target.name() + " did not accept the document: " + recorder.firstRefusal);
            }
            Thread.sleep(20);
        }
        LatencyHistogram times = new LatencyHistogram();
        for (int i = 0; i < warmups + joins; i++) {
            LoadClient reader = new LoadClient(name, target.token(i % 2), CLIENT_IDS.incrementAndGet(), recorder, false);
            loop.call(() -> reader.connection = loop.connect(target.socketUri(room), null, reader)).get();
            reader.joined.get(30, TimeUnit.SECONDS);
            if (i >= warmups) {
                times.record((reader.joinedAt - reader.openedAt) / 1000);
            }
            loop.call(() -> {
                reader.connection.close();
                return null;
            }).get();
        }
        loop.call(() -> {
            owner.connection.close();
            return null;
        }).get();
        return times;
    }
}
