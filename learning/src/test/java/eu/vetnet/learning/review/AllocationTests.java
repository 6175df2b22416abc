package eu.vetnet.learning.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationTests {

    @Test
    void everySubmissionGetsTheSameNumberOfReviewersAndNoOneReviewsTheirOwn() {
        for (int n = 2; n <= 9; n++) {
            List<String> authors = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                authors.add("learner-" + i);
            }
            for (int k = 1; k <= 5; k++) {
                for (long seed : new long[] {1, 42, -7}) {
                    Map<String, List<String>> allocation = Allocation.of(authors, k, seed);
                    int expected = Math.min(k, n - 1);
                    Map<String, Integer> reviewers = new HashMap<>();
                    assertThat(allocation.keySet()).containsExactlyInAnyOrderElementsOf(authors);
                    allocation.forEach((reviewer, toReview) -> {
                        assertThat(toReview).hasSize(expected).doesNotContain(reviewer).doesNotHaveDuplicates();
                        toReview.forEach(a -> reviewers.merge(a, 1, Integer::sum));
                    });
                    assertThat(reviewers.values()).allMatch(count -> count == expected);
                }
            }
        }
    }

    @Test
    void theSameRoundAlwaysGivesTheSameAllocationWhateverOrderTheSubmissionsCameIn() {
        List<String> authors = List.of("c", "a", "d", "b");
        assertThat(Allocation.of(authors, 2, 99)).isEqualTo(Allocation.of(List.of("b", "d", "a", "c"), 2, 99));
    }
}
