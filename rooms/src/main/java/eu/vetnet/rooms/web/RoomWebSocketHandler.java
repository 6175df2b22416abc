package eu.vetnet.rooms.web;

import eu.vetnet.rooms.core.ClientConnection;
import eu.vetnet.rooms.core.CloseCodes;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.protocol.HocuspocusProtocol;
import eu.vetnet.rooms.protocol.YWebsocketProtocol;
import java.util.concurrent.CompletableFuture;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * The WebFlux binding: {@code /ws/rooms/{roomId}} speaks Hocuspocus, {@code /ws/rooms/{roomId}/{document}}
 * y-websocket. Copies each binary frame out of Netty's buffer and hands it to the core's connection.
 */
final class RoomWebSocketHandler implements WebSocketHandler {

    static final String PREFIX = "/ws/rooms/";

    private final RoomServer server;
    private final long maxQueuedBytes;

    RoomWebSocketHandler(RoomServer server, long maxQueuedBytes) {
        this.server = server;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String path = session.getHandshakeInfo().getUri().getRawPath();
        String[] parts = path.startsWith(PREFIX) ? path.substring(PREFIX.length()).split("/", -1) : new String[0];
        if (parts.length < 1 || parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
            return session.close(new CloseStatus(CloseCodes.NOT_FOUND,
                    "use /ws/rooms/{roomId} (Hocuspocus) or /ws/rooms/{roomId}/{document} (y-websocket)"));
        }
        String token = bearer(session.getHandshakeInfo().getHeaders());
        WebFluxSocket socket = new WebFluxSocket(session, NettyChannels.of(session), maxQueuedBytes);
        ClientConnection connection = parts.length == 1
                ? server.connect(socket, HocuspocusProtocol.INSTANCE, parts[0], null, token)
                : server.connect(socket, YWebsocketProtocol.INSTANCE, parts[0], parts[1], token);
        // One frame at a time, the next one read only when the connection has room for it: backpressure reaches
        // the TCP window instead of queueing on the room's lane (docs/rooms.md, "Core classes and threading").
        // Each frame is copied out as it arrives (map): Reactor Netty releases a frame's buffer once it was handed on,
        // and the one frame concatMap keeps while it waits must not point into a released buffer.
        Mono<Void> in = session.receive()
                .map(RoomWebSocketHandler::copyOut)
                .concatMap(frame -> {
                    if (frame instanceof byte[] binary) {
                        connection.receive(binary);
                    } else if (frame instanceof String text) {
                        connection.receiveText(text);
                    }
                    return roomForMore(connection, socket);
                }, 1)
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> {
                    connection.closed();
                    socket.finish();
                })
                .then();
        // Outgoing frames go straight to the channel (WebFluxSocket); the session lives as long as its inbound side.
        return in;
    }

    /** A frame's content, copied out of Netty's buffer: bytes for a binary frame, text for a text frame, else nothing. */
    private static Object copyOut(WebSocketMessage message) {
        if (message.getType() == WebSocketMessage.Type.BINARY) {
            DataBuffer payload = message.getPayload();
            byte[] frame = new byte[payload.readableByteCount()];
            payload.read(frame);
            return frame;
        }
        if (message.getType() == WebSocketMessage.Type.TEXT) {
            return message.getPayloadAsText();
        }
        return NO_CONTENT;
    }

    /** What a control frame (ping, pong) carries for the core: nothing. */
    private static final Object NO_CONTENT = new Object();

    /**
     * Completes when the connection may be read again. The wake-up comes from the room's lane; the next read is asked
     * for on the channel's own event loop, where Reactor Netty expects demand that restarts a paused channel.
     */
    private static Mono<Void> roomForMore(ClientConnection connection, WebFluxSocket socket) {
        CompletableFuture<Void> ready = connection.readyForMore();
        if (ready.isDone()) {
            return Mono.empty();
        }
        CompletableFuture<Void> onLoop = new CompletableFuture<>();
        ready.whenComplete((v, e) -> socket.onEventLoop(() -> onLoop.complete(null)));
        return Mono.fromFuture(onLoop, true);
    }

    /** The token the gateway puts on the upgrade; never read from the query string (docs/reliability.md, rule 6). */
    static String bearer(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).trim();
        }
        return null;
    }
}
