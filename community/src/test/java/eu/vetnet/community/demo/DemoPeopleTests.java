package eu.vetnet.community.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.community.TestReference;
import eu.vetnet.community.people.Profile;
import eu.vetnet.community.people.ProfileRules;
import eu.vetnet.identity.issuer.DemoUsers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPeopleTests {

    @Test
    void demoProfilesAreValidMarkedAndMatchTheDemoUsersTokens() {
        List<Profile> profiles = new DemoPeople(null, new ProfileRules(TestReference.DATA), TestReference.JSON).profiles(Instant.now());
        assertTrue(profiles.size() >= 10);
        assertTrue(profiles.stream().allMatch(Profile::demo));
        Profile fabio = profiles.stream().filter(p -> p.username().equals("fabio")).findFirst().orElseThrow();
        assertEquals(DemoUsers.find("fabio").orElseThrow().subject(), fabio.id(), "the id fabio's token carries");
        assertEquals("northfield-vet-college", fabio.organisation());
        assertEquals("fabio@vetnet.test", fabio.email());
        assertTrue(profiles.stream().filter(p -> p.id().startsWith("demo-person-")).allMatch(p -> p.email() == null),
                "invented people have no address: nothing is ever sent to them");
        assertTrue(profiles.stream().filter(Profile::isAvailable).count() >= 6, "enough peers to suggest");
    }
}
