package eu.vetnet.learning.editions;

import static eu.vetnet.identity.api.ICalendar.line;
import static eu.vetnet.identity.api.ICalendar.text;
import static eu.vetnet.identity.api.ICalendar.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A person's learning calendar as one iCalendar file (RFC 5545, by the rules of {@code identity/api/ICalendar}): the
 * live sessions and sessions in person of the editions they are enrolled in, and each assignment's deadline as a
 * short event ending at it. Self-study has no time and is left out. Each event's UID is stable, so that importing the
 * file again updates the events instead of doubling them.
 */
public final class PersonalCalendar {

    /** An assignment shows as an event this long, ending at its deadline. */
    static final Duration DEADLINE_EVENT = Duration.ofMinutes(15);

    private PersonalCalendar() {
    }

    public static String of(List<Editions.EditionView> editions, String publicUrl, Instant stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//VET-NET//Learning//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:VET-NET");
        for (Editions.EditionView view : editions) {
            Edition e = view.edition();
            String page = publicUrl + "/learning/editions/" + e.id();
            for (CalendarItem item : e.calendar()) {
                Instant start;
                Instant end;
                String summary;
                String location;
                switch (item.kind()) {
                    case LIVE -> {
                        start = item.starts();
                        end = item.ends();
                        summary = item.title();
                        location = publicUrl + "/rooms/" + item.roomId();
                    }
                    case IN_PERSON -> {
                        start = item.starts();
                        end = item.ends();
                        summary = item.title();
                        location = item.place();
                    }
                    case ASSIGNMENT -> {
                        start = item.ends().minus(DEADLINE_EVENT);
                        end = item.ends();
                        summary = "Deadline: " + item.title();
                        location = null;
                    }
                    default -> {
                        continue;
                    }
                }
                line(out, "BEGIN:VEVENT");
                line(out, "UID:" + e.id() + "-" + item.id() + "@vetnet");
                line(out, "DTSTAMP:" + utc(stamp));
                line(out, "DTSTART:" + utc(start));
                line(out, "DTEND:" + utc(end));
                line(out, "SUMMARY:" + text(summary));
                line(out, "DESCRIPTION:" + text(view.programmeTitle() + ": " + e.title() + "\n" + page));
                line(out, "URL:" + page);
                if (location != null) {
                    line(out, "LOCATION:" + text(location));
                }
                line(out, "END:VEVENT");
            }
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }
}
