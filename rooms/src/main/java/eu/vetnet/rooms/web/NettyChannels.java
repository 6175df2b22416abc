package eu.vetnet.rooms.web;

import io.netty.channel.Channel;
import java.lang.reflect.Method;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.adapter.AbstractWebSocketSession;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;

/**
 * The Netty channel under a WebFlux session on Reactor Netty. Spring keeps the Reactor Netty inbound/outbound
 * pair behind a protected {@code getDelegate()}; the room server needs the channel to write a batch of frames
 * with one flush (WebFluxSocket). Resolved once; a Spring upgrade that moves it fails at the first socket,
 * loudly, in every integration test.
 */
final class NettyChannels {

    private static final Method DELEGATE;

    static {
        try {
            DELEGATE = AbstractWebSocketSession.class.getDeclaredMethod("getDelegate");
            DELEGATE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private NettyChannels() {
    }

    static Channel of(WebSocketSession session) {
        if (!(session instanceof ReactorNettyWebSocketSession)) {
            throw new IllegalStateException("the room server runs on Reactor Netty; got a " + session.getClass().getName());
        }
        try {
            ReactorNettyWebSocketSession.WebSocketConnection connection =
                    (ReactorNettyWebSocketSession.WebSocketConnection) DELEGATE.invoke(session);
            Channel[] channel = new Channel[1];
            connection.getInbound().withConnection(c -> channel[0] = c.channel());
            if (channel[0] == null) {
                throw new IllegalStateException("no Netty channel under " + session.getId());
            }
            return channel[0];
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the Netty channel of a WebFlux session", e);
        }
    }
}
