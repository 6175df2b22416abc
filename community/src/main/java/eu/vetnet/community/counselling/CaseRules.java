package eu.vetnet.community.counselling;

import eu.vetnet.community.reference.ReferenceData;
import eu.vetnet.identity.api.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** What a case and its steps must be (docs/community.md, "Peer counselling"); a refusal names the field. */
public final class CaseRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 10_000;
    public static final int MAX_TOPICS = 10;
    public static final int MAX_INVITED = 10;
    public static final int MIN_MINUTES = 30;
    public static final int MAX_MINUTES = 240;
    /** How far ahead a meeting may be set. */
    public static final Duration MAX_AHEAD = Duration.ofDays(366);

    private final ReferenceData reference;

    public CaseRules(ReferenceData reference) {
        this.reference = reference;
    }

    public CaseInput check(CaseInput in) {
        if (in == null) {
            throw ApiException.badRequest("the body is missing", "send the case as JSON (docs/community.md, \"Peer counselling\")");
        }
        String title = required("title", in.title(), MAX_TITLE);
        String challenge = required("challenge", in.challenge(), MAX_TEXT);
        String sector = in.sector() == null ? null : in.sector().strip().toUpperCase(Locale.ROOT);
        if (!reference.isSector(sector)) {
            throw ApiException.badRequest("sector '" + in.sector() + "' is not a NACE Rev. 2 section or division", "\"F\" or \"C16\"");
        }
        String country = in.country() == null ? null : in.country().strip().toUpperCase(Locale.ROOT);
        if (!reference.isCountry(country)) {
            throw ApiException.badRequest("country '" + in.country() + "' is not a country of the NUTS list", "a NUTS country code such as IT");
        }
        String region = in.region() == null || in.region().isBlank() ? null : in.region().strip().toUpperCase(Locale.ROOT);
        if (region != null && !reference.isRegionOf(region, country)) {
            throw ApiException.badRequest("region '" + in.region() + "' is not a NUTS region of " + country, "a region of that country, or none");
        }
        String language = in.language() == null ? null : in.language().strip().toLowerCase(Locale.ROOT);
        if (!reference.isLanguage(language)) {
            throw ApiException.badRequest("language '" + in.language() + "' is not a language the library lists", "an ISO 639-1 code such as it");
        }
        String organisationType = in.organisationType() == null || in.organisationType().isBlank() ? null
                : in.organisationType().strip().toUpperCase(Locale.ROOT);
        if (organisationType != null && !reference.isOrganisationType(organisationType)) {
            throw ApiException.badRequest("organisationType '" + in.organisationType() + "' is not an organisation type", "one of reference/organisation-types.json, or none");
        }
        LinkedHashSet<String> topics = new LinkedHashSet<>();
        for (String t : in.topics() == null ? List.<String>of() : in.topics()) {
            String s = t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
            if (s.length() > 60) {
                throw ApiException.badRequest("topics holds a topic of " + s.length() + " characters", "at most 60 each");
            }
            if (!s.isEmpty()) {
                topics.add(s);
            }
        }
        if (topics.size() > MAX_TOPICS) {
            throw ApiException.badRequest("topics has " + topics.size() + " entries", "at most " + MAX_TOPICS);
        }
        return new CaseInput(title, challenge, sector, country, region, List.copyOf(topics), language, organisationType);
    }

    public CounsellingCase.Meeting meeting(Instant start, Integer minutes, String message, Instant now) {
        if (start == null || !start.isAfter(now)) {
            throw ApiException.badRequest("start " + start + " is not in the future", "an ISO instant after now, e.g. 2027-01-15T14:00:00Z");
        }
        if (start.isAfter(now.plus(MAX_AHEAD))) {
            throw ApiException.badRequest("start " + start + " is more than a year ahead", "a date within a year");
        }
        if (minutes == null || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw ApiException.badRequest("minutes " + minutes + " is out of range", MIN_MINUTES + " to " + MAX_MINUTES);
        }
        String m = message == null ? "" : message.strip();
        if (m.length() > 1_000) {
            throw ApiException.badRequest("message has " + m.length() + " characters", "at most 1000");
        }
        return new CounsellingCase.Meeting(start, minutes, m);
    }

    public CounsellingCase.Outcome outcome(String advice, String nextSteps, Instant now) {
        return new CounsellingCase.Outcome(required("advice", advice, MAX_TEXT), optional("nextSteps", nextSteps, MAX_TEXT), now);
    }

    private static String required(String field, String v, int max) {
        String s = optional(field, v, max);
        if (s.isEmpty()) {
            throw ApiException.badRequest(field + " is empty", "write the " + field);
        }
        return s;
    }

    private static String optional(String field, String v, int max) {
        String s = v == null ? "" : v.strip();
        if (s.length() > max) {
            throw ApiException.badRequest(field + " has " + s.length() + " characters", "at most " + max);
        }
        return s;
    }
}
