package eu.vetnet.gateway.support;

import java.net.URI;
import java.util.List;

/** Two stand-in room servers and stand-in community and learning servers for the whole test JVM. */
public final class EchoServers {

    public static final int MAX_MESSAGE_BYTES = eu.vetnet.gateway.websocket.LimitsProperties.DEFAULT_MAX_MESSAGE_BYTES;
    public static final EchoServer A = new EchoServer("A", MAX_MESSAGE_BYTES);
    public static final EchoServer B = new EchoServer("B", MAX_MESSAGE_BYTES);
    /** Where the gateway sends the library (vetnet.gateway.community-uri). */
    public static final EchoServer COMMUNITY = new EchoServer("community", MAX_MESSAGE_BYTES);
    /** Where the gateway sends programmes and credentials (vetnet.gateway.learning-uri). */
    public static final EchoServer LEARNING = new EchoServer("learning", MAX_MESSAGE_BYTES);

    private EchoServers() {
    }

    public static List<URI> both() {
        return List.of(A.uri(), B.uri());
    }

    public static EchoServer named(String name) {
        return A.name().equals(name) ? A : B;
    }
}
