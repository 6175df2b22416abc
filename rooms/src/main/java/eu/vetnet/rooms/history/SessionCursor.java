package eu.vetnet.rooms.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of sessions ended, handed to the client as an opaque token: the key of the last event read, and the
 * state of the session under way there (connections open, its start), so the next page reads on from that event
 * without reading anything before it.
 */
record SessionCursor(Instant at, String writer, long seq, int open, Instant started) {

    String encode() {
        String text = at.toEpochMilli() + ":" + seq + ":" + open + ":" + (started == null ? "-" : started.toEpochMilli()) + ":" + writer;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a page handed out; IllegalArgumentException when {@code token} is not one. */
    static SessionCursor decode(String token) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 5);
            if (p.length != 5 || p[4].isEmpty()) {
                throw new IllegalArgumentException("not a cursor");
            }
            int open = Integer.parseInt(p[2]);
            Instant started = p[3].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(p[3]));
            if (open < 0 || (open > 0) != (started != null)) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new SessionCursor(Instant.ofEpochMilli(Long.parseLong(p[0])), p[4], Long.parseLong(p[1]), open, started);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'cursor' is not a cursor this server handed out: " + token, e);
        }
    }
}
