package eu.vetnet.rooms.hook;

/** A user's role inside one room, resolved from the room's access list. */
public enum RoomRole {
    /** Writes everything (facilitators, the owner, admins). */
    FACILITATOR,
    /** Writes what each document's policy allows. */
    PARTICIPANT,
    /** Reads and sends awareness only. */
    OBSERVER;

    public boolean writes() {
        return this != OBSERVER;
    }
}
