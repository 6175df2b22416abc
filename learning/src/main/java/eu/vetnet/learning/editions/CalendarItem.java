package eu.vetnet.learning.editions;

import java.time.Instant;

/**
 * One entry of an edition's calendar (docs/learning.md, "Editions").
 *
 * @param id       short and stable within its edition ({@code s1}, {@code s2}, ...)
 * @param moduleId the module it belongs to
 * @param starts   when it starts; null for self-study and assignments
 * @param ends     when it ends; an assignment's deadline
 * @param roomId   a live session's VET-NET room (made for it, or an existing one the facilitator named)
 * @param place    where a session in person is held
 * @param link     a self-study item's material
 */
public record CalendarItem(String id, String moduleId, Kind kind, String title, Instant starts, Instant ends, String roomId, String place,
        String link) {

    public CalendarItem withId(String newId) {
        return new CalendarItem(newId, moduleId, kind, title, starts, ends, roomId, place, link);
    }

    public CalendarItem withRoom(String room) {
        return new CalendarItem(id, moduleId, kind, title, starts, ends, room, place, link);
    }

    public enum Kind { LIVE, IN_PERSON, SELF_STUDY, ASSIGNMENT }
}
