package eu.vetnet.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficTests {

    @Test
    void theLongestGapCountsFromTheFaultAndUpToTheEnd() {
        assertEquals(5, Traffic.longestGap(List.of(12L, 13L, 18L, 19L), 10, 20), "between 13 and 18");
        assertEquals(10, Traffic.longestGap(List.of(), 10, 20), "nothing seen: the whole window");
        assertEquals(7, Traffic.longestGap(List.of(5L, 17L, 18L), 10, 20), "from the fault to the first word after it");
        assertEquals(6, Traffic.longestGap(List.of(11L, 14L), 10, 20), "from the last word to the end");
    }

    @Test
    void wordsAreTheSpaceSeparatedPieces() {
        assertEquals(Set.of("a1", "b2"), Traffic.words("a1 b2  a1 "));
    }
}
