package eu.vetnet.rooms.hook;

import eu.vetnet.rooms.RoomException;

/** A hook's refusal: the connection (or, on Hocuspocus, only this document) is refused with this close code. */
public class AccessDeniedException extends RoomException {

    private final int closeCode;

    public AccessDeniedException(int closeCode, String message) {
        super(message);
        this.closeCode = closeCode;
    }

    public int closeCode() {
        return closeCode;
    }
}
