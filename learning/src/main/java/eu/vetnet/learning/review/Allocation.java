package eu.vetnet.learning.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Who reviews whom: the authors in an order drawn from the round's id, each reviewing the next {@code k} after them
 * (wrapping round). So every submission gets exactly {@code k} reviewers, every author reviews {@code k} others, and
 * no one reviews their own; {@code k} is at most the number of other authors.
 */
final class Allocation {

    private Allocation() {
    }

    static Map<String, List<String>> of(List<String> authors, int reviewersPerSubmission, long seed) {
        List<String> order = new ArrayList<>(authors);
        Collections.sort(order);
        Collections.shuffle(order, new Random(seed));
        int n = order.size();
        int k = Math.min(reviewersPerSubmission, n - 1);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> toReview = new ArrayList<>();
            for (int j = 1; j <= k; j++) {
                toReview.add(order.get((i + j) % n));
            }
            out.put(order.get(i), List.copyOf(toReview));
        }
        return out;
    }
}
