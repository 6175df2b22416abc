package eu.vetnet.community.library;

import eu.vetnet.community.reference.ReferenceData;
import eu.vetnet.identity.api.ApiException;
import java.net.URI;
import java.util.Locale;

/**
 * What a practice must be before it is stored (docs/community.md, "Limits"): sizes bounded, every classification one
 * the reference data knows, links that are http(s) addresses. A request that breaks a rule is refused whole, with
 * the field named, and nothing is written.
 */
public final class PracticeRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 1_000;
    public static final int MAX_SECTION = 20_000;
    public static final int MAX_ORGANISATION = 200;
    public static final int MAX_LINKS = 10;
    public static final int MAX_LINK_LABEL = 200;
    public static final int MAX_URL = 2_000;

    private final ReferenceData reference;

    public PracticeRules(ReferenceData reference) {
        this.reference = reference;
    }

    /** The content as it will be stored (text trimmed, codes in their canonical case), or a refusal. */
    public PracticeContent check(PracticeContent c) {
        if (c == null) {
            throw bad("the body", "is missing", "send the practice as JSON (docs/community.md, \"API\")");
        }
        String title = required("title", c.title(), MAX_TITLE);
        String summary = required("summary", c.summary(), MAX_SUMMARY);
        String problem = optional("problem", c.problem(), MAX_SECTION);
        String approach = optional("approach", c.approach(), MAX_SECTION);
        String results = optional("results", c.results(), MAX_SECTION);
        String evidence = optional("evidence", c.evidence(), MAX_SECTION);
        String sector = upper(c.sector());
        if (!reference.isSector(sector)) {
            throw bad("sector", "'" + c.sector() + "' is not a NACE Rev. 2 section or division",
                    "a section letter (\"F\") or a section with its division (\"C16\"): GET /api/public/library/reference");
        }
        if (c.eqfLevel() != null && !reference.isEqfLevel(c.eqfLevel())) {
            throw bad("eqfLevel", c.eqfLevel() + " is not an EQF level", "1 to 8, or null where no level applies");
        }
        String country = upper(c.country());
        if (!reference.isCountry(country)) {
            throw bad("country", "'" + c.country() + "' is not a country of the NUTS list", "a NUTS country code such as IT, DE or EL");
        }
        String region = blankToNull(upper(c.region()));
        if (region != null && !reference.isRegionOf(region, country)) {
            throw bad("region", "'" + c.region() + "' is not a NUTS region of " + country, "a region code of that country, or none");
        }
        String language = c.language() == null ? null : c.language().strip().toLowerCase(Locale.ROOT);
        if (!reference.isLanguage(language)) {
            throw bad("language", "'" + c.language() + "' is not a language the library lists", "an ISO 639-1 code such as it, de or en");
        }
        String organisation = required("organisation", c.organisation(), MAX_ORGANISATION);
        String organisationType = upper(c.organisationType());
        if (!reference.isOrganisationType(organisationType)) {
            throw bad("organisationType", "'" + c.organisationType() + "' is not an organisation type",
                    "one of " + "VET_PROVIDER, SME_ASSOCIATION, CRAFT_ENTERPRISE, POLICY_BODY, UNIVERSITY_SCHOOL, WORKERS_NETWORK");
        }
        if (c.links().size() > MAX_LINKS) {
            throw bad("links", "has " + c.links().size() + " entries", "at most " + MAX_LINKS);
        }
        var links = c.links().stream().map(this::link).toList();
        return new PracticeContent(title, summary, problem, approach, results, evidence, sector, c.eqfLevel(), country, region,
                language, organisation, organisationType, links);
    }

    /** The licence a practice is published under: one of the Creative Commons licences listed. */
    public String licence(String id) {
        if (id == null || !reference.isLicence(id)) {
            throw bad("licence", "'" + id + "' is not a licence the library offers", "one of " + String.join(", ", reference.licenceIds()));
        }
        return id;
    }

    private PracticeContent.Link link(PracticeContent.Link l) {
        if (l == null) {
            throw bad("links", "holds an empty entry", "each link is {label, url}");
        }
        String label = required("links[].label", l.label(), MAX_LINK_LABEL);
        String url = required("links[].url", l.url(), MAX_URL);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw bad("links[].url", "'" + url + "' is not an address", "an http or https address");
        }
        boolean local = url.startsWith("/") && !url.startsWith("//");
        boolean web = ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        if (!local && !web) {
            // Anything else (javascript:, data:) could run in a reader's browser from the public page.
            throw bad("links[].url", "'" + url + "' is not an http(s) address", "an http or https address, or a path of this site (/rooms/...)");
        }
        return new PracticeContent.Link(label, url);
    }

    private static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v.isEmpty()) {
            throw bad(field, "is empty", "write the " + field);
        }
        return v;
    }

    private static String optional(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw bad(field, "has " + v.length() + " characters", "at most " + max);
        }
        return v;
    }

    private static String upper(String v) {
        return v == null ? null : v.strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String v) {
        return v == null || v.isEmpty() ? null : v;
    }

    private static ApiException bad(String field, String what, String fix) {
        return ApiException.badRequest(field + " " + what, fix);
    }
}
