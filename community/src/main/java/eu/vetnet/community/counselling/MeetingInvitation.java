package eu.vetnet.community.counselling;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;

/**
 * A case's meeting as an iCalendar invitation (RFC 5545, METHOD:REQUEST): what calendars import from the e-mail or
 * the download. Written here: one event, a handful of properties; the rules that matter are escaping text (\ ; , and
 * newlines), lines folded at 75 octets, CRLF endings and times in UTC.
 */
public final class MeetingInvitation {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

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
        line(out, "DTSTAMP:" + UTC.format(stamp));
        line(out, "DTSTART:" + UTC.format(m.start()));
        line(out, "DTEND:" + UTC.format(m.start().plusSeconds(60L * m.minutes())));
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

    /** TEXT values: backslash, semicolon, comma and newlines escaped. */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A parameter value: quoted, without the characters a quoted value may not hold. */
    static String param(String s) {
        return "\"" + s.replace("\"", "'").replaceAll("[\\r\\n]", " ") + "\"";
    }

    /** One content line, folded so that no line is longer than 75 octets (continuations start with a space). */
    static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) {
                end--; // never split a UTF-8 character
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74; // the leading space counts
        }
        out.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }
}
