package eu.vetnet.gateway.websocket;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vetnet.limits.*}: caps shared with the room server, which reads the same property names, so both hops
 * refuse the same sizes (RELIABILITY.md rule 3).
 */
@ConfigurationProperties("vetnet.limits")
public class LimitsProperties {

    /** 1 MiB. Netty's default WebSocket frame cap (65,536 bytes) is below a real document's first sync. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

    /** Largest WebSocket frame, and message, accepted on either side of the gateway; over it the socket closes with 1009. */
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;

    public int getMaxMessageBytes() {
        return maxMessageBytes;
    }

    public void setMaxMessageBytes(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }
}
