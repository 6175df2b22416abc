package eu.vetnet.bench.load;

import eu.vetnet.bench.servers.Target;
import eu.vetnet.bench.ws.WsLoop;

/**
 * Resident memory per idle connection: the server's RSS after a full collection, before and after
 * {@code rooms x perRoom} clients joined the notes document and went quiet (an open tab in a workshop).
 */
public final class IdleRun {

    /** Heap figures are -1 where the server cannot report its live heap (Node here). */
    public record Result(String server, int connections, long rssBefore, long rssAfter, long heapBefore, long heapAfter) {
        public double bytesPerConnection() {
            return (rssAfter - rssBefore) / (double) connections;
        }

        public double heapBytesPerConnection() {
            return heapBefore < 0 || heapAfter < 0 ? -1 : (heapAfter - heapBefore) / (double) connections;
        }
    }

    /** Where class histograms of the live heap before and after go (JVM servers only); null for none. */
    public static java.nio.file.Path HISTOGRAMS;

    private IdleRun() {
    }

    private static String histogram(Target target) throws Exception {
        return target instanceof eu.vetnet.bench.servers.VetnetTarget v && HISTOGRAMS != null ? v.classHistogram() : null;
    }

    public static Result run(WsLoop loop, Target target, int rooms, int perRoom) throws Exception {
        target.collectGarbage();
        Thread.sleep(1000);
        long before = target.process().rssBytes();
        long heapBefore = target.liveHeapBytes();
        String histogramBefore = histogram(target);
        LoadRun idle = new LoadRun(loop, target);
        idle.join(rooms, perRoom, false);
        Thread.sleep(3000);
        target.collectGarbage();
        Thread.sleep(2000);
        long after = target.process().rssBytes();
        long heapAfter = target.liveHeapBytes();
        String histogramAfter = histogram(target);
        if (histogramBefore != null && histogramAfter != null && HISTOGRAMS != null) {
            java.nio.file.Files.createDirectories(HISTOGRAMS);
            java.nio.file.Files.writeString(HISTOGRAMS.resolve(target.name() + "-idle-heap-before.txt"), histogramBefore);
            java.nio.file.Files.writeString(HISTOGRAMS.resolve(target.name() + "-idle-heap-after.txt"), histogramAfter);
        }
        idle.leave();
        return new Result(target.name(), idle.clientCount(), before, after, heapBefore, heapAfter);
    }
}
