package eu.vetnet.rooms.history;

import eu.vetnet.rooms.RoomException;

/** The history could not be read or written. A room refuses the join with 1013 (try again later) on it. */
public class HistoryUnavailableException extends RoomException {

    public HistoryUnavailableException(String message) {
        super(message);
    }

    public HistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
