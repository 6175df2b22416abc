package eu.vetnet.community.search;

import eu.vetnet.identity.api.ApiException;
import java.util.List;
import java.util.Map;

/**
 * A library search: words (empty: everything, newest first) and facet filters. Values of one facet are alternatives
 * (sector C or F), facets narrow each other (sector C and country IT).
 */
public record SearchQuery(String text, Map<String, List<String>> filters, int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_TEXT = 500;
    /** Paging stops here: past it, narrow the search instead (deep pages cost the server, and nobody reads them). */
    public static final int MAX_DEPTH = 10_000;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        filters = Map.copyOf(filters);
        if (text.length() > MAX_TEXT) {
            throw ApiException.badRequest("q has " + text.length() + " characters", "at most " + MAX_TEXT);
        }
        for (String facet : filters.keySet()) {
            if (!PracticeIndex.FACETS.contains(facet)) {
                throw ApiException.badRequest("'" + facet + "' is not a facet of the library", "one of " + PracticeIndex.FACETS);
            }
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("size " + size + " is out of range", "1 to " + MAX_SIZE);
        }
        if (page < 0 || (long) (page + 1) * size > MAX_DEPTH) {
            throw ApiException.badRequest("page " + page + " is out of range", "pages reach the first " + MAX_DEPTH + " results; narrow the search");
        }
    }
}
