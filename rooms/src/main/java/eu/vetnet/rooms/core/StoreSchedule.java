package eu.vetnet.rooms.core;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When a changed document is stored (Hocuspocus's debounced {@code onStoreDocument}): once it was quiet for
 * {@code store-debounce}, but no later than {@code store-max-debounce} after its first change not stored yet, and at
 * once after {@code store-max-updates} changes. Storing encodes the loaded document, which the engine garbage-collected,
 * so a snapshot holds what the document holds now and not everything ever deleted from it (docs/rooms.md, "Storing").
 *
 * <p>One timer at a time per document, rearmed when it fires, not on every change: a busy document pays no timer
 * work per update. Everything but the timer's own thread runs on the room's lane.
 */
final class StoreSchedule {

    private final long debounceNanos;
    private final long maxDebounceNanos;
    private final int maxUpdates;
    private final ScheduledExecutorService timer;
    private final Executor lane;
    private final Runnable store;
    private long firstChange;
    private long lastChange;
    private int changes;
    private boolean storeQueued;
    private ScheduledFuture<?> pending;
    private boolean cancelled;

    /** {@code store} runs on the lane when a store is due; it calls {@link #encoded()} when it takes the state. */
    StoreSchedule(RoomLimits limits, ScheduledExecutorService timer, Executor lane, Runnable store) {
        this.debounceNanos = limits.storeDebounce().toNanos();
        this.maxDebounceNanos = Math.max(debounceNanos, limits.storeMaxDebounce().toNanos());
        this.maxUpdates = Math.max(1, limits.storeMaxUpdates());
        this.timer = timer;
        this.lane = lane;
        this.store = store;
    }

    /** An update was applied. On the lane. */
    void changed() {
        long now = System.nanoTime();
        if (changes == 0) {
            firstChange = now;
        }
        lastChange = now;
        changes++;
        if (changes >= maxUpdates) {
            // Not from here: this runs inside the engine's update event; the store waits for the lane's next turn.
            queueStore();
        } else if (pending == null) {
            arm(debounceNanos);
        }
    }

    /** The document's state was just encoded for a store: every change so far is in it. On the lane. */
    void encoded() {
        changes = 0;
        storeQueued = false;
    }

    /** The store of the state taken at {@link #encoded()} failed: what it held counts as changed again. On the lane. */
    void failed() {
        changed();
    }

    /** The document is gone: no more stores. On the lane. */
    void cancel() {
        cancelled = true;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void arm(long delayNanos) {
        if (cancelled) {
            return;
        }
        try {
            pending = timer.schedule(() -> lane.execute(this::due), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // The server is stopping: its shutdown stores every room.
            pending = null;
        }
    }

    /** The timer fired: store when quiet long enough or waiting too long, else wait for whichever comes first. */
    private void due() {
        pending = null;
        if (cancelled || changes == 0 || storeQueued) {
            return;
        }
        long now = System.nanoTime();
        long dueAt = Math.min(lastChange + debounceNanos, firstChange + maxDebounceNanos);
        if (dueAt - now <= 0) {
            queueStore();
        } else {
            arm(dueAt - now);
        }
    }

    private void queueStore() {
        if (storeQueued || cancelled) {
            return;
        }
        storeQueued = true;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        lane.execute(() -> {
            if (!cancelled) {
                store.run();
            }
        });
    }
}
