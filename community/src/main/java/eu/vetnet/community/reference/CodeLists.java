package eu.vetnet.community.reference;

import eu.vetnet.identity.api.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A list of reference codes a request carries (sectors, languages): each put in its canonical case, repeats dropped,
 * every one known to the reference data, at most {@link #MAX} of them. The one rule for profiles, communities and
 * organisations; a refusal names the field and the code.
 */
public final class CodeLists {

    /** The most codes of one kind a profile, a community or an organisation lists. */
    public static final int MAX = 10;

    private CodeLists() {
    }

    public static List<String> check(String field, List<String> given, UnaryOperator<String> canonical, Predicate<String> known, String what) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String c : given == null ? List.<String>of() : given) {
            String s = c == null ? "" : canonical.apply(c.strip());
            if (!known.test(s)) {
                throw ApiException.badRequest(field + " holds '" + c + "'", what);
            }
            out.add(s);
        }
        if (out.size() > MAX) {
            throw ApiException.badRequest(field + " has " + out.size() + " entries", "at most " + MAX);
        }
        return List.copyOf(out);
    }

    public static List<String> sectors(ReferenceData reference, String field, List<String> given) {
        return check(field, given, s -> s.toUpperCase(java.util.Locale.ROOT), reference::isSector, "NACE Rev. 2 sections or divisions (\"F\", \"C16\")");
    }

    public static List<String> languages(ReferenceData reference, String field, List<String> given) {
        return check(field, given, s -> s.toLowerCase(java.util.Locale.ROOT), reference::isLanguage, "ISO 639-1 codes the library lists (it, de, en...)");
    }
}
