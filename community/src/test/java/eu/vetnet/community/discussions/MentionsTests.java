package eu.vetnet.community.discussions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MentionsTests {

    @Test
    void usernamesWhereAWordStartsEachOnceInTheOrderWritten() {
        assertEquals(List.of("alice", "fabio.rossi", "zoë"), List.copyOf(Mentions.in(
                "@alice, what does @Fabio.Rossi think? cc @ALICE and @zoë.")));
    }

    @Test
    void anEmailAddressOrAPathIsNoMention() {
        assertEquals(List.of(), List.copyOf(Mentions.in("write to alice@example.eu or see /@fabio and @ alone")));
    }

    @Test
    void atMostTenPerPost() {
        String many = String.join(" ", IntStream.range(0, 30).mapToObj(i -> "@user" + i).toList());
        assertEquals(Mentions.MAX_PER_POST, Mentions.in(many).size());
        assertEquals("user0", Mentions.in(many).iterator().next());
    }
}
