package eu.vetnet.rooms.room;

/** The JSON body of every error of {@code /api/rooms}: what went wrong and how to fix it. */
public record ApiError(int status, String error, String message, String fix) {
}
