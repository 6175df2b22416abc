package eu.vetnet.rooms.room;

import eu.vetnet.rooms.hook.RoomRole;
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

    /** This list without the person, by id or by username, as facilitator, participant or observer (the owner stays). */
    public AccessList without(String id, String username) {
        java.util.function.Predicate<String> them = e -> e.equals(id) || (username != null && e.equalsIgnoreCase(username));
        return new AccessList(owner, facilitators.stream().filter(them.negate()).toList(), participants.stream().filter(them.negate()).toList(),
                observers.stream().filter(them.negate()).toList());
    }

    /** This list with {@code entry} (a username or id) added as a participant or an observer. */
    public AccessList withMember(RoomRole role, String entry) {
        List<String> p = new java.util.ArrayList<>(participants);
        List<String> o = new java.util.ArrayList<>(observers);
        p.remove(entry);
        o.remove(entry);
        switch (role) {
            case PARTICIPANT -> p.add(entry);
            case OBSERVER -> o.add(entry);
            default -> throw new IllegalArgumentException("only participants and observers are added this way, not " + role);
        }
        return new AccessList(owner, facilitators, p, o);
    }
}
