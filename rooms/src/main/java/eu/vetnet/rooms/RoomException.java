package eu.vetnet.rooms;

/** The room server's one unchecked root exception; messages say what to do about the failure. */
public class RoomException extends RuntimeException {

    public RoomException(String message) {
        super(message);
    }

    public RoomException(String message, Throwable cause) {
        super(message, cause);
    }
}
