package eu.vetnet.gateway.websocket;

import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.server.ServerWebExchange;

/**
 * A browser socket this gateway relays to a room server: the login session it was opened in, the handshake request
 * (its principal, and in memory mode its live session), and the browser's side of the socket. Travels in the Reactor
 * context from the handshake ({@link TrackingWebSocketService}) to the upstream connection
 * ({@link RenewingWebSocketClient}).
 */
public record RelayedSocket(String sessionId, ServerWebExchange handshake, WebSocketSession browser) {
}
