package eu.vetnet.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in OpenTelemetry collector on loopback for the servers' tracing tests: keeps every OTLP/HTTP traces body it
 * receives. The bodies are protobuf; a test looks for what it knows in their bytes (a trace id's 16 bytes, a span name,
 * which protobuf keeps as plain UTF-8).
 */
public final class OtlpCollector implements AutoCloseable {

    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public OtlpCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** What to give {@code management.opentelemetry.tracing.export.otlp.endpoint}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** Everything received so far, as one byte string. */
    public byte[] received() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bodies.forEach(out::writeBytes);
        return out.toByteArray();
    }

    public boolean received(byte[] bytes) {
        return indexOf(received(), bytes) >= 0;
    }

    public boolean received(String text) {
        return received(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until {@code bytes} arrived, or {@code millis} passed; says whether they did. */
    public boolean await(byte[] bytes, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!received(bytes)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
