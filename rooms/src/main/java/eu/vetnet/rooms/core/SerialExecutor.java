package eu.vetnet.rooms.core;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room's lane: runs tasks one at a time, in submission order, on a shared worker pool. The CRDT engine is
 * not thread-safe, so everything that touches one room's documents runs here; never on a Netty event loop.
 */
final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor workers;
    private final Runnable afterBatch;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;
    private volatile Thread drainer;

    /** {@code afterBatch} runs on the lane after each batch of tasks (the room flushes what the batch sent). */
    SerialExecutor(Executor workers, Runnable afterBatch) {
        this.workers = workers;
        this.afterBatch = afterBatch;
    }

    /** True on the thread that is running this lane's tasks right now. */
    boolean inLane() {
        return drainer == Thread.currentThread();
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        workers.execute(this::drain);
    }

    private void drain() {
        drainer = Thread.currentThread();
        boolean more = true;
        try {
            // Bounded batches keep one busy room from starving others on the shared pool.
            for (int i = 0; i < 256 && more; i++) {
                Runnable next;
                synchronized (tasks) {
                    next = tasks.poll();
                }
                if (next == null) {
                    more = false;
                } else {
                    run(next);
                }
            }
            run(afterBatch);
        } finally {
            drainer = null;
        }
        synchronized (tasks) {
            if (tasks.isEmpty()) {
                running = false;
                return;
            }
        }
        workers.execute(this::drain);
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("room task failed; the room keeps running", e);
        }
    }
}
