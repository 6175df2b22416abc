package eu.vetnet.rooms.core;

/**
 * The close codes a room server uses. 1xxx are RFC 6455; 44xx mirror HTTP statuses, as Hocuspocus does
 * (4401, 4403, 4408). Clients must not reconnect in a tight loop on 44xx: the cause will not go away by itself.
 */
public final class CloseCodes {

    /** The client asked to leave, or the last document of the socket was closed. */
    public static final int NORMAL = 1000;
    /** The server shuts down or hands the room to another node: reconnect with backoff. */
    public static final int GOING_AWAY = 1001;
    /** The user's role in the room changed (reconnect to get the new one), or the client reads too slowly. */
    public static final int POLICY_VIOLATION = 1008;
    /** A frame over the configured message size (Reactor Netty sends this itself at the frame cap). */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** A bug on the server; the room keeps running for everyone else. */
    public static final int INTERNAL_ERROR = 1011;
    /** The document could not be loaded from storage (fail closed, docs/reliability.md, rule 9): retry later. */
    public static final int TRY_AGAIN_LATER = 1013;
    /** Bytes that do not decode as the protocol of this endpoint (garbage, truncated, unknown type). */
    public static final int BAD_MESSAGE = 4400;
    /** No token, an invalid one, or it expired during the session. */
    public static final int UNAUTHORIZED = 4401;
    /** The user may not enter this room (not on its access list, or the room is archived). */
    public static final int FORBIDDEN = 4403;
    /** No such room or document. */
    public static final int NOT_FOUND = 4404;
    /** No successful authentication within the deadline. */
    public static final int AUTHENTICATION_TIMEOUT = 4408;
    /** Too much at once: too many documents on one socket, or too many messages before authentication. */
    public static final int TOO_LARGE = 4413;
    /** Message flood over the rate limit. */
    public static final int TOO_MANY_MESSAGES = 4429;

    private CloseCodes() {
    }
}
