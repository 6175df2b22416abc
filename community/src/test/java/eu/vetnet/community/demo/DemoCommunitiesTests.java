package eu.vetnet.community.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.community.TestReference;
import eu.vetnet.identity.issuer.DemoUsers;
import org.junit.jupiter.api.Test;

class DemoCommunitiesTests {

    @Test
    void everyDemoCommunityNamesKnownCodesAndPeopleAndItsWritersBelongToIt() {
        var file = new DemoCommunities(null, null, null, TestReference.JSON).file();
        assertTrue(file.communities().size() >= 2);
        for (var c : file.communities()) {
            assertTrue(c.languages().stream().allMatch(TestReference.DATA::isLanguage), c.name());
            assertTrue(c.sectors().stream().allMatch(TestReference.DATA::isSector), c.name());
            assertTrue(DemoUsers.find(c.founder()).isPresent(), c.founder());
            assertTrue(c.members().stream().allMatch(m -> DemoUsers.find(m).isPresent()), c.members().toString());
            for (var t : c.threads()) {
                assertTrue(t.author().equals(c.founder()) || c.members().contains(t.author()), "only members write: " + t.author());
                assertTrue(t.replies().stream().allMatch(r -> r.author().equals(c.founder()) || c.members().contains(r.author())));
            }
        }
    }
}
