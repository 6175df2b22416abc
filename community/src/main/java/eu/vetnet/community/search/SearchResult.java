package eu.vetnet.community.search;

import java.util.List;
import java.util.Map;

/** One page of results, the facet counts of the whole result (each facet counted as if its own filter were off). */
public record SearchResult(long total, int page, int size, double tookMs, List<PracticeHit> hits, Map<String, List<FacetCount>> facets) {

    public record FacetCount(String value, long count) {
    }
}
