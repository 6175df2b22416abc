package eu.vetnet.gateway.websocket;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vetnet.limits.*}: caps shared with the room server, which reads the same property names, so both hops
 * refuse the same sizes (docs/reliability.md, rule 3).
 */
@ConfigurationProperties("vetnet.limits")
public class LimitsProperties {

    /** 4 MiB, the room server's default too. Netty's own WebSocket frame cap (65,536 bytes) is far below it. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    /** 32 MiB: the room server's first sync carries a whole document (its quota is 16 MiB). */
    public static final int DEFAULT_MAX_DOWNSTREAM_MESSAGE_BYTES = 32 * 1024 * 1024;

    /** Largest frame, and message, a browser may send; over it the socket closes with 1009, as at the room server. */
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;

    /** Largest frame the room server may send back through the gateway. */
    private int maxDownstreamMessageBytes = DEFAULT_MAX_DOWNSTREAM_MESSAGE_BYTES;

    public int getMaxDownstreamMessageBytes() {
        return maxDownstreamMessageBytes;
    }

    public void setMaxDownstreamMessageBytes(int maxDownstreamMessageBytes) {
        this.maxDownstreamMessageBytes = maxDownstreamMessageBytes;
    }

    public int getMaxMessageBytes() {
        return maxMessageBytes;
    }

    public void setMaxMessageBytes(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }
}
