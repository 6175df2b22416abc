package eu.vetnet.identity;

/**
 * How the gateway hands a room server the refreshed access token of a socket it relays: one WebSocket <b>text</b>
 * frame {@code vetnet.token <jwt>} on the upstream hop. No Yjs protocol uses text frames, and the gateway never
 * forwards a browser's text frame, so the browser can neither read nor forge one. The room server validates the
 * token like any other and accepts it only for the user the socket already belongs to. Written by the gateway,
 * read by the room server: this class is the one definition of the format. docs/gateway.md and docs/rooms.md,
 * "Token renewal".
 */
public final class TokenRenewal {

    static final String PREFIX = "vetnet.token ";
    /** A JWT is far shorter; anything longer is not a renewal. */
    public static final int MAX_FRAME_CHARS = 16 * 1024;

    private TokenRenewal() {
    }

    /** The text frame that renews a socket's token. */
    public static String frame(String accessToken) {
        return PREFIX + accessToken;
    }

    /** The token a renewal frame carries, or null when {@code text} is no renewal frame. */
    public static String tokenOf(String text) {
        if (text == null || text.length() > MAX_FRAME_CHARS || !text.startsWith(PREFIX)) {
            return null;
        }
        String token = text.substring(PREFIX.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
