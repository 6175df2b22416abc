package eu.vetnet.bench.ws;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client WebSocket (RFC 6455) on a {@link WsLoop}: the upgrade, masked binary frames out, frames in. Small
 * and allocation-light on purpose: the harness shares two cores with the server it measures, so every
 * microsecond it spends is one the server does not get. Touched only on the loop's thread.
 */
public final class WsConnection {

    /** What the harness does with a connection's events; called on the loop thread. */
    public interface Handler {
        void onOpen(WsConnection c);

        /** A whole binary message; {@code payload} is only valid during the call. */
        void onMessage(WsConnection c, ByteBuffer payload);

        void onClose(WsConnection c, int code, String reason);
    }

    private enum State { CONNECTING, UPGRADING, OPEN, CLOSED }

    private final WsLoop loop;
    private final URI uri;
    private final String authorization;
    final Handler handler;
    final SocketChannel channel;
    SelectionKey key;
    private State state = State.CONNECTING;
    private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private ByteBuffer fragments;
    public Object attachment;

    WsConnection(WsLoop loop, URI uri, String authorization, Handler handler) throws IOException {
        this.loop = loop;
        this.uri = uri;
        this.authorization = authorization;
        this.handler = handler;
        this.channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.socket().setTcpNoDelay(true);
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    void connected() throws IOException {
        channel.finishConnect();
        state = State.UPGRADING;
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        StringBuilder request = new StringBuilder()
                .append("GET ").append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(nonce)).append("\r\n");
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        request.append("\r\n");
        enqueue(ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.US_ASCII)));
        key.interestOps(SelectionKey.OP_READ | (out.isEmpty() ? 0 : SelectionKey.OP_WRITE));
    }

    /** Sends one binary message (masked, as a client must). */
    public void send(byte[] payload) {
        if (state != State.OPEN) {
            return;
        }
        enqueue(frame(0x2, payload));
    }

    public void close() {
        if (state == State.OPEN) {
            enqueue(frame(0x8, new byte[] {0x03, (byte) 0xE8}));
        }
        shutDown(1000, "closed by the harness");
    }

    static ByteBuffer frame(int opcode, byte[] payload) {
        int n = payload.length;
        int header = n < 126 ? 2 : n < 65536 ? 4 : 10;
        ByteBuffer f = ByteBuffer.allocate(header + 4 + n);
        f.put((byte) (0x80 | opcode));
        if (n < 126) {
            f.put((byte) (0x80 | n));
        } else if (n < 65536) {
            f.put((byte) (0x80 | 126)).putShort((short) n);
        } else {
            f.put((byte) (0x80 | 127)).putLong(n);
        }
        int mask = ThreadLocalRandom.current().nextInt();
        f.putInt(mask);
        byte[] m = {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
        for (int i = 0; i < n; i++) {
            f.put((byte) (payload[i] ^ m[i & 3]));
        }
        return f.flip();
    }

    private void enqueue(ByteBuffer buffer) {
        if (state == State.CLOSED) {
            return;
        }
        if (out.isEmpty()) {
            try {
                channel.write(buffer);
            } catch (IOException e) {
                shutDown(1006, "write failed: " + e.getMessage());
                return;
            }
            if (!buffer.hasRemaining()) {
                return;
            }
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        }
        out.add(buffer);
    }

    void writable() throws IOException {
        while (!out.isEmpty()) {
            ByteBuffer head = out.peek();
            channel.write(head);
            if (head.hasRemaining()) {
                return;
            }
            out.poll();
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    void readable() throws IOException {
        while (true) {
            if (!in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
                bigger.put(in.flip());
                in = bigger;
            }
            int n = channel.read(in);
            if (n < 0) {
                shutDown(1006, "the server closed the TCP connection");
                return;
            }
            if (n == 0) {
                return;
            }
            in.flip();
            if (state == State.UPGRADING && !readUpgrade()) {
                if (state == State.CLOSED) {
                    return;
                }
                in.compact();
                continue;
            }
            while (state == State.OPEN && readFrame()) {
                // one message per iteration
            }
            if (state == State.CLOSED) {
                return;
            }
            in.compact();
        }
    }

    private boolean readUpgrade() {
        int end = -1;
        for (int i = in.position(); i + 3 < in.limit(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                end = i + 4;
                break;
            }
        }
        if (end < 0) {
            return false;
        }
        byte[] head = new byte[end - in.position()];
        in.get(head);
        String response = new String(head, StandardCharsets.ISO_8859_1);
        if (!response.startsWith("HTTP/1.1 101")) {
            shutDown(1002, "upgrade refused: " + response.lines().findFirst().orElse(""));
            return false;
        }
        state = State.OPEN;
        handler.onOpen(this);
        return true;
    }

    /** Reads one frame from {@code in} if it is all there; false when more bytes are needed. */
    private boolean readFrame() {
        int start = in.position();
        if (in.remaining() < 2) {
            return false;
        }
        int b0 = in.get(start) & 0xFF;
        int b1 = in.get(start + 1) & 0xFF;
        long length = b1 & 0x7F;
        int header = 2;
        if (length == 126) {
            if (in.remaining() < 4) {
                return false;
            }
            length = in.getShort(start + 2) & 0xFFFF;
            header = 4;
        } else if (length == 127) {
            if (in.remaining() < 10) {
                return false;
            }
            length = in.getLong(start + 2);
            header = 10;
        }
        if ((b1 & 0x80) != 0) {
            shutDown(1002, "the server sent a masked frame");
            return false;
        }
        if (in.remaining() < header + length) {
            if (header + length > in.capacity()) {
                ByteBuffer bigger = ByteBuffer.allocate((int) (header + length + 1024));
                bigger.put(in);
                in = bigger.flip();
            }
            return false;
        }
        ByteBuffer payload = in.slice(start + header, (int) length);
        in.position(start + header + (int) length);
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        switch (opcode) {
            case 0x0, 0x1, 0x2 -> message(fin, opcode, payload);
            case 0x8 -> {
                int code = payload.remaining() >= 2 ? payload.getShort(0) & 0xFFFF : 1005;
                String reason = payload.remaining() > 2
                        ? StandardCharsets.UTF_8.decode(payload.slice(2, payload.remaining() - 2)).toString() : "";
                enqueue(frame(0x8, new byte[] {(byte) (code >>> 8), (byte) code}));
                shutDown(code, reason);
                return false;
            }
            case 0x9 -> {
                byte[] data = new byte[payload.remaining()];
                payload.get(data);
                enqueue(frame(0xA, data));
            }
            default -> {
                // pong or reserved: nothing to do
            }
        }
        return state == State.OPEN;
    }

    private void message(boolean fin, int opcode, ByteBuffer payload) {
        if (fin && opcode != 0 && fragments == null) {
            handler.onMessage(this, payload);
            return;
        }
        if (fragments == null) {
            fragments = ByteBuffer.allocate(Math.max(64 * 1024, payload.remaining()));
        }
        if (fragments.remaining() < payload.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate((fragments.position() + payload.remaining()) * 2);
            bigger.put(fragments.flip());
            fragments = bigger;
        }
        fragments.put(payload);
        if (fin) {
            ByteBuffer whole = fragments.flip();
            fragments = null;
            handler.onMessage(this, whole);
        }
    }

    void shutDown(int code, String reason) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        try {
            while (!out.isEmpty()) {
                ByteBuffer head = out.poll();
                channel.write(head);
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
        loop.forget(this);
        handler.onClose(this, code, reason);
    }
}
