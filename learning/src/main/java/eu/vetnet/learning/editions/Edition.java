package eu.vetnet.learning.editions;

import eu.vetnet.learning.programmes.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A programme run for a cohort: its dates, who may enrol and how many, its facilitators and its calendar
 * (docs/learning.md, "Editions").
 *
 * @param invited   usernames invited to an edition by invitation (or past its approval)
 * @param updatedAt its version (storage/RowVersions); null until its first change, when the version is its creation
 */
public record Edition(String id, String programmeId, String title, LocalDate starts, LocalDate ends, Enrolment.Policy enrolment, int capacity,
        List<Person> facilitators, List<CalendarItem> calendar, List<String> invited, Instant createdAt, Instant updatedAt) {

    public Edition {
        facilitators = List.copyOf(facilitators);
        calendar = List.copyOf(calendar);
        invited = List.copyOf(invited);
    }

    public boolean facilitatedBy(String userId) {
        return facilitators.stream().anyMatch(p -> p.id().equals(userId));
    }

    public Instant version() {
        return updatedAt != null ? updatedAt : createdAt;
    }

    public Edition withCalendar(List<CalendarItem> items) {
        return new Edition(id, programmeId, title, starts, ends, enrolment, capacity, facilitators, items, invited, createdAt, updatedAt);
    }

    public Edition withInvited(List<String> usernames) {
        return new Edition(id, programmeId, title, starts, ends, enrolment, capacity, facilitators, calendar, usernames, createdAt, updatedAt);
    }

    public Edition stamped(Instant version) {
        return new Edition(id, programmeId, title, starts, ends, enrolment, capacity, facilitators, calendar, invited, createdAt, version);
    }
}
