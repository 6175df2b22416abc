package eu.vetnet.learning.editions;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.identity.api.RoomIds;
import eu.vetnet.learning.programmes.Programme;
import eu.vetnet.learning.programmes.ProgrammeRules;
import java.net.URI;
import java.time.Duration;

/** What an edition and its calendar entries must be to be saved; every refusal says what to change. */
public final class EditionRules {

    public static final int MAX_CAPACITY = 10_000;
    public static final int MAX_CALENDAR_ITEMS = 200;
    static final Duration LONGEST_SESSION = Duration.ofHours(12);

    private EditionRules() {
    }

    static void check(EditionInput in) {
        if (in == null) {
            throw ApiException.badRequest("no edition in the request", "send the edition as JSON");
        }
        ProgrammeRules.title(in.title());
        if (in.starts() == null || in.ends() == null || in.ends().isBefore(in.starts())) {
            throw ApiException.badRequest("an edition needs a first and a last day, the last not before the first",
                    "give starts and ends as dates (2027-03-01)");
        }
        if (in.enrolment() == null) {
            throw ApiException.badRequest("say how people enrol", "enrolment: OPEN, APPROVAL or INVITATION");
        }
        if (in.capacity() == null || in.capacity() < 1 || in.capacity() > MAX_CAPACITY) {
            throw ApiException.badRequest("the capacity must be 1 to " + MAX_CAPACITY + ", not " + in.capacity(),
                    "how many learners the edition can take; the others wait");
        }
    }

    static CalendarItem item(String id, CalendarItemInput in, Programme programme) {
        if (in == null || in.kind() == null) {
            throw ApiException.badRequest("a calendar entry needs a kind", "kind: LIVE, IN_PERSON, SELF_STUDY or ASSIGNMENT");
        }
        if (in.moduleId() == null || programme.module(in.moduleId()).isEmpty()) {
            throw ApiException.badRequest("module '" + in.moduleId() + "' is not part of the programme", "name one of its modules (m1, m2, ...)");
        }
        String title = ProgrammeRules.title(in.title());
        return switch (in.kind()) {
            case LIVE -> {
                timed(in);
                // No room given: the server creates one for the session (Editions.addToCalendar).
                String room = in.roomId() == null || in.roomId().isBlank() ? null : RoomIds.require("roomId", in.roomId().strip());
                yield new CalendarItem(id, in.moduleId(), in.kind(), title, in.starts(), in.ends(), room, null, null);
            }
            case IN_PERSON -> {
                timed(in);
                if (in.place() == null || in.place().isBlank() || in.place().length() > 300) {
                    throw ApiException.badRequest("a session in person needs a place (up to 300 characters)", "give the address or the room");
                }
                yield new CalendarItem(id, in.moduleId(), in.kind(), title, in.starts(), in.ends(), null, in.place().strip(), null);
            }
            case SELF_STUDY -> new CalendarItem(id, in.moduleId(), in.kind(), title, null, in.ends(), null, null, link(in.link()));
            case ASSIGNMENT -> {
                if (in.ends() == null) {
                    throw ApiException.badRequest("an assignment needs a deadline", "give ends as the deadline");
                }
                yield new CalendarItem(id, in.moduleId(), in.kind(), title, null, in.ends(), null, null, in.link() == null ? null : link(in.link()));
            }
        };
    }

    private static void timed(CalendarItemInput in) {
        if (in.starts() == null || in.ends() == null || !in.ends().isAfter(in.starts())
                || Duration.between(in.starts(), in.ends()).compareTo(LONGEST_SESSION) > 0) {
            throw ApiException.badRequest("a session needs a start and an end, at most 12 hours later",
                    "give starts and ends as instants (2027-03-01T09:00:00Z)");
        }
    }

    /** Material is linked by an http(s) address only: what a learner clicks can never be a script. */
    public static String link(String link) {
        try {
            URI uri = link == null ? null : URI.create(link.strip());
            if (uri != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && link.length() <= 2000) {
                return uri.toString();
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw ApiException.badRequest("'" + link + "' is not a web address", "link the material with an https:// address");
    }
}
