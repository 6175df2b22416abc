package eu.vetnet.rooms.policy;

import eu.vetnet.rooms.core.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The transport end of one in-process connection: records what the server sends and how it closed, and lets a test
 * wait for a frame without polling (the core's FakeSocket is polled by Awaitility every 100 ms, far too slow for
 * thousands of cases). Every wait is bounded: a room that never answers is reported, never waited on forever.
 */
final class SignalSocket implements Socket {

    private final List<byte[]> frames = new ArrayList<>();
    private Integer closeCode;
    private String closeReason;

    @Override
    public synchronized void send(byte[] frame) {
        frames.add(frame);
        notifyAll();
    }

    @Override
    public synchronized void close(int code, String reason) {
        closeCode = code;
        closeReason = reason;
        notifyAll();
    }

    synchronized int size() {
        return frames.size();
    }

    synchronized List<byte[]> framesFrom(int index) {
        return new ArrayList<>(frames.subList(Math.min(index, frames.size()), frames.size()));
    }

    synchronized Integer closeCode() {
        return closeCode;
    }

    synchronized String closeReason() {
        return closeReason;
    }

    /** Waits until {@code done} holds for the frames from {@code index} on, or the socket closed; false on timeout. */
    synchronized boolean await(int index, Predicate<List<byte[]>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (closeCode != null || done.test(frames.subList(Math.min(index, frames.size()), frames.size()))) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
