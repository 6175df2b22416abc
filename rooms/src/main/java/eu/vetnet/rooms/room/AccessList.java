package eu.vetnet.rooms.room;

import java.util.List;

/**
 * Who may enter a room, by user id ({@code sub}) or username. The owner and facilitators write everything,
 * participants what each document's policy allows, observers only read (and send awareness).
 */
public record AccessList(String owner, List<String> facilitators, List<String> participants, List<String> observers) {

    public AccessList {
        facilitators = facilitators == null ? List.of() : List.copyOf(facilitators);
        participants = participants == null ? List.of() : List.copyOf(participants);
        observers = observers == null ? List.of() : List.copyOf(observers);
    }
}
