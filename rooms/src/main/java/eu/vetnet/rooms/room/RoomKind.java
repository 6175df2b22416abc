package eu.vetnet.rooms.room;

/** What a room is for; a dialogue session makes policymakers observers by default. */
public enum RoomKind {
    WORKSHOP, COURSE_SESSION, DIALOGUE_SESSION
}
