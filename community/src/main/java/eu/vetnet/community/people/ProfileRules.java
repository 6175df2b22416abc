package eu.vetnet.community.people;

import eu.vetnet.community.reference.CodeLists;
import eu.vetnet.community.reference.ReferenceData;
import eu.vetnet.identity.api.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a profile may hold (docs/community.md, "People"): sizes bounded, codes the reference data knows. */
public final class ProfileRules {

    public static final int MAX_HEADLINE = 200;
    public static final int MAX_BIO = 2_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 60;
    public static final int MAX_CODES = CodeLists.MAX;

    private final ReferenceData reference;

    public ProfileRules(ReferenceData reference) {
        this.reference = reference;
    }

    public ProfileInput check(ProfileInput in) {
        if (in == null) {
            throw ApiException.badRequest("the body is missing", "send the profile as JSON (docs/community.md, \"People\")");
        }
        String headline = text("headline", in.headline(), MAX_HEADLINE);
        String bio = text("bio", in.bio(), MAX_BIO);
        List<String> expertise = tags("expertise", in.expertise());
        List<String> sectors = CodeLists.sectors(reference, "sectors", in.sectors());
        List<String> languages = CodeLists.languages(reference, "languages", in.languages());
        String country = in.country() == null || in.country().isBlank() ? null : in.country().strip().toUpperCase(Locale.ROOT);
        if (country != null && !reference.isCountry(country)) {
            throw ApiException.badRequest("country '" + in.country() + "' is not a country of the NUTS list", "a NUTS country code such as IT, or none");
        }
        String region = in.region() == null || in.region().isBlank() ? null : in.region().strip().toUpperCase(Locale.ROOT);
        if (region != null && !reference.isRegionOf(region, country)) {
            throw ApiException.badRequest("region '" + in.region() + "' is not a NUTS region of " + country, "a region of that country, or none");
        }
        Map<String, Profile.Visibility> visibility = in.visibility() == null ? Map.of() : in.visibility();
        for (String field : visibility.keySet()) {
            if (!Profile.FIELDS.contains(field)) {
                throw ApiException.badRequest("visibility names '" + field + "', which is no field of a profile", "one of " + Profile.FIELDS);
            }
        }
        if (visibility.values().stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiException.badRequest("visibility holds an empty value", "MEMBERS or HIDDEN");
        }
        return new ProfileInput(headline, bio, expertise, sectors, languages, country, region, Boolean.TRUE.equals(in.listed()),
                Boolean.TRUE.equals(in.availableForCounselling()), visibility, in.emailInvitations(), in.emailDigest());
    }

    private static String text(String field, String v, int max) {
        String s = v == null ? "" : v.strip();
        if (s.length() > max) {
            throw ApiException.badRequest(field + " has " + s.length() + " characters", "at most " + max);
        }
        return s;
    }

    /** Free tags, trimmed, lower case, without repeats. */
    static List<String> tags(String field, List<String> given) {
        if (given == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : given) {
            String s = t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            if (s.length() > MAX_TAG) {
                throw ApiException.badRequest(field + " holds a tag of " + s.length() + " characters", "at most " + MAX_TAG + " each");
            }
            out.add(s);
        }
        if (out.size() > MAX_TAGS) {
            throw ApiException.badRequest(field + " has " + out.size() + " tags", "at most " + MAX_TAGS);
        }
        return new ArrayList<>(out);
    }
}
