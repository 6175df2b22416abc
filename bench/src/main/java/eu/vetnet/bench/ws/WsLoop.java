package eu.vetnet.bench.ws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One thread, one selector, every client socket of the harness, and the timers that pace what they send. One
 * thread on purpose: the machine has two cores, and the server under test needs the other one.
 */
public final class WsLoop implements AutoCloseable, Executor {

    private record Timer(long at, long seq, Runnable task) {
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final Set<WsConnection> open = new java.util.HashSet<>();
    private long timerSeq;
    private volatile boolean running = true;

    public WsLoop() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, "ws-loop");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code task} on the loop thread. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on the loop thread at {@code nanoTime}. Call on the loop thread. */
    public void at(long nanoTime, Runnable task) {
        timers.add(new Timer(nanoTime, timerSeq++, task));
    }

    public <T> CompletableFuture<T> call(java.util.function.Supplier<T> f) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(f.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Opens a socket to {@code uri}; events reach {@code handler} on the loop thread. Call on the loop thread. */
    public WsConnection connect(URI uri, String authorization, WsConnection.Handler handler) {
        try {
            WsConnection c = new WsConnection(this, uri, authorization, handler);
            c.key = c.channel.register(selector, SelectionKey.OP_CONNECT, c);
            open.add(c);
            if (c.channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()))) {
                c.connected();
            }
            return c;
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to " + uri + ": " + e.getMessage(), e);
        }
    }

    void forget(WsConnection c) {
        open.remove(c);
    }

    public long threadId() {
        return thread.getId();
    }

    public int openConnections() {
        return open.size();
    }

    private void run() {
        while (running) {
            try {
                long now = System.nanoTime();
                while (!timers.isEmpty() && timers.peek().at <= now) {
                    safely(timers.poll().task);
                }
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    safely(task);
                }
                long waitMs = timers.isEmpty() ? 100
                        : Math.max(0, TimeUnit.NANOSECONDS.toMillis(timers.peek().at - System.nanoTime()));
                if (waitMs == 0) {
                    selector.selectNow();
                } else {
                    selector.select(waitMs);
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    WsConnection c = (WsConnection) k.attachment();
                    try {
                        if (!k.isValid()) {
                            continue;
                        }
                        if (k.isConnectable()) {
                            c.connected();
                        }
                        if (k.isValid() && k.isWritable()) {
                            c.writable();
                        }
                        if (k.isValid() && k.isReadable()) {
                            c.readable();
                        }
                    } catch (IOException | RuntimeException e) {
                        c.shutDown(1006, String.valueOf(e.getMessage()));
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                throw new IllegalStateException("selector failed", e);
            }
        }
    }

    private static void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            System.err.println("harness task failed: " + e);
            e.printStackTrace();
        }
    }

    /** Closes every socket and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        execute(() -> {
            for (WsConnection c : open.toArray(WsConnection[]::new)) {
                c.close();
            }
            running = false;
        });
        thread.join(5000);
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
