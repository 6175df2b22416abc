package eu.vetnet.community.counselling;

import static eu.vetnet.identity.api.ICalendar.line;
import static eu.vetnet.identity.api.ICalendar.param;
import static eu.vetnet.identity.api.ICalendar.text;
import static eu.vetnet.identity.api.ICalendar.utc;

import java.time.Instant;
import java.util.List;

/**
 * A case's meeting as an iCalendar invitation (RFC 5545, METHOD:REQUEST): what calendars import from the e-mail or
 * the download: one event, a handful of properties, written by the rules of {@link eu.vetnet.identity.api.ICalendar}.
 */
public final class MeetingInvitation {

    private MeetingInvitation() {
    }

    /**
     * @param organizerEmail where answers go (the member asking), or null
     * @param attendees      the invited peers' addresses (those known)
     */
    public static String of(CounsellingCase c, String url, String organizerEmail, List<String> attendees, Instant stamp) {
        var m = c.meeting();
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//VET-NET//Peer counselling//EN");
        line(out, "METHOD:REQUEST");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + c.id() + "@vetnet");
        line(out, "DTSTAMP:" + utc(stamp));
        line(out, "DTSTART:" + utc(m.start()));
        line(out, "DTEND:" + utc(m.start().plusSeconds(60L * m.minutes())));
        line(out, "SUMMARY:" + text("Peer counselling: " + c.title()));
        line(out, "DESCRIPTION:" + text((m.message().isEmpty() ? "" : m.message() + "\n\n") + "The case: " + url));
        line(out, "URL:" + url);
        line(out, "LOCATION:" + text("VET-NET, " + url));
        if (organizerEmail != null) {
            line(out, "ORGANIZER;CN=" + param(c.author().name()) + ":mailto:" + organizerEmail);
        }
        for (String a : attendees) {
            line(out, "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + a);
        }
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }
}
