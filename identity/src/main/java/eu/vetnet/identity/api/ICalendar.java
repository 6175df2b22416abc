package eu.vetnet.identity.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The iCalendar (RFC 5545) rules every server that writes a calendar follows (a counselling meeting's invitation, a
 * learner's sessions): text values escaped (backslash, semicolon, comma, newlines), lines folded at 75 octets without
 * splitting a UTF-8 character, CRLF endings, times in UTC.
 */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    /** A date-time value in UTC ({@code 20270301T090000Z}). */
    public static String utc(Instant at) {
        return UTC.format(at);
    }

    /** A TEXT value: backslash, semicolon, comma and newlines escaped. */
    public static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A parameter value: quoted, without the characters a quoted value may not hold. */
    public static String param(String s) {
        return "\"" + s.replace("\"", "'").replaceAll("[\\r\\n]", " ") + "\"";
    }

    /** Appends one content line, folded so that no line is longer than 75 octets (continuations start with a space). */
    public static void line(StringBuilder out, String content) {
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
