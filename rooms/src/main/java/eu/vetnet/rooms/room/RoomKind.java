package eu.vetnet.rooms.room;

/**
 * What a room is for. In a dialogue session observers hold seats with a voice (docs/rooms.md, "Roles and
 * permissions"): they read the board and the notes and take part in the workshop document's questions, answers and votes.
 */
public enum RoomKind {
    WORKSHOP, COURSE_SESSION, DIALOGUE_SESSION,
    /** Peers counsel one member on a real case (docs/community.md, "Peer counselling"): the member asking convenes it. */
    PEER_COUNSELLING;

    /** The document where a seat's voice is heard: questions, answers, upvotes, polls. */
    public static final String VOICE_DOCUMENT = "workshop";

    /** Whether any member may create a room of this kind (and run it), not only facilitators and admins. */
    public boolean convenedByAnyMember() {
        return this == PEER_COUNSELLING;
    }

    public boolean givesObserversAVoice() {
        return this == DIALOGUE_SESSION;
    }
}
