package eu.vetnet.rooms.core;

/**
 * An exception a server edit's change throws to decline, before it writes anything (a ballot for a closed poll, a
 * question the phase does not take). {@link Room#serverEdit} then passes it on and leaves the room as it is; any other
 * exception, or a refusal after something was written, means the documents may be inconsistent, and the room reloads
 * from storage (docs/rooms.md, "Server edits").
 */
public interface EditRefusal {
}
