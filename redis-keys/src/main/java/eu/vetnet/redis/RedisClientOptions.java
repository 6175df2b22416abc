package eu.vetnet.redis;

import io.lettuce.core.ClientOptions;

/** How the room and community servers' Lettuce clients behave while Redis is away. */
public final class RedisClientOptions {

    private RedisClientOptions() {
    }

    /**
     * Reconnect in the background, and meanwhile fail every command at once instead of queueing it: a heartbeat or a
     * publish queued for minutes would fire late, all at once, and about a state that has moved on. Callers treat a
     * failed command as "Redis is away" (docs/history-and-presence.md, "Redis keys").
     */
    public static ClientOptions failFast() {
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build();
    }
}
