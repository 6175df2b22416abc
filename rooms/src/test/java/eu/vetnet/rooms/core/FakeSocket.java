package eu.vetnet.rooms.core;

import java.util.ArrayList;
import java.util.List;

/** A socket that records what the server sends and how it closed. */
final class FakeSocket implements Socket {

    private final List<byte[]> frames = new ArrayList<>();
    private Integer closeCode;
    private String closeReason;

    @Override
    public synchronized void send(byte[] frame) {
        frames.add(frame);
    }

    @Override
    public synchronized void close(int code, String reason) {
        closeCode = code;
        closeReason = reason;
    }

    synchronized List<byte[]> frames() {
        return new ArrayList<>(frames);
    }

    synchronized Integer closeCode() {
        return closeCode;
    }

    synchronized String closeReason() {
        return closeReason;
    }
}
