package eu.vetnet.rooms.hook;

/**
 * A connection asks for one document of a room, or renews the identity of a document it has open.
 *
 * @param token the bearer token (from the upgrade's Authorization header, a renewal the gateway sent on the socket,
 *     or, without a header, the Hocuspocus auth message), or null
 * @param renewal true when a document already open is re-checked with a refreshed token (docs/rooms.md, "Token
 *     renewal"): hooks establish user and role as for a join, but it is no join (nothing to count or record)
 */
public record AuthenticatePayload(String roomId, String documentName, String token, AuthContext context, boolean renewal) {

    /** A join. */
    public AuthenticatePayload(String roomId, String documentName, String token, AuthContext context) {
        this(roomId, documentName, token, context, false);
    }
}
