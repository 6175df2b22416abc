package eu.vetnet.bench.load;

import eu.vetnet.bench.servers.Target;
import eu.vetnet.bench.ws.WsLoop;

/**
 * Resident memory per idle connection: the server's RSS after a full collection, before and after
 * {@code rooms x perRoom} clients joined the notes document and went quiet (an open tab in a workshop).
 */
public final class IdleRun {

    public record Result(String server, int connections, long rssBefore, long rssAfter) {
        public double bytesPerConnection() {
            return (rssAfter - rssBefore) / (double) connections;
        }
    }

    private IdleRun() {
    }

    public static Result run(WsLoop loop, Target target, int rooms, int perRoom) throws Exception {
        target.collectGarbage();
        Thread.sleep(1000);
        long before = target.process().rssBytes();
        LoadRun idle = new LoadRun(loop, target);
        idle.join(rooms, perRoom, false);
        Thread.sleep(3000);
        target.collectGarbage();
        Thread.sleep(2000);
        long after = target.process().rssBytes();
        idle.leave();
        return new Result(target.name(), idle.clientCount(), before, after);
    }
}
