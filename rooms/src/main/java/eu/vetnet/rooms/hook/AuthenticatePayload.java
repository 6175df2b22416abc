package eu.vetnet.rooms.hook;

/**
 * A connection asks for one document of a room.
 *
 * @param token the bearer token (from the upgrade's Authorization header or the Hocuspocus auth message), or null
 */
public record AuthenticatePayload(String roomId, String documentName, String token, AuthContext context) {
}
