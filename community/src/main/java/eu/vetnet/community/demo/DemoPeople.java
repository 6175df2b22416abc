package eu.vetnet.community.demo;

import eu.vetnet.community.people.People;
import eu.vetnet.community.people.Profile;
import eu.vetnet.community.people.ProfileInput;
import eu.vetnet.community.people.ProfileRules;
import eu.vetnet.identity.VetnetJwtConverter;
import eu.vetnet.identity.issuer.DemoUser;
import eu.vetnet.identity.issuer.DemoUsers;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo profiles for the embedded run (docs/community.md, "Demo data"): the built-in issuer's demo users (their ids,
 * names and addresses from {@link DemoUsers}, as their tokens will carry them) and invented people, each marked demo.
 * Written once, for people who have no profile yet; never in production mode (CommunityConfiguration decides).
 */
public final class DemoPeople {

    private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);
    static final String RESOURCE = "/eu/vetnet/community/demo/people.json";

    record Entry(String username, String id, String displayName, String organisation, String headline, String bio,
            List<String> expertise, List<String> sectors, List<String> languages, String country, String region, Boolean listed,
            Boolean availableForCounselling) {
    }

    record File(String note, List<Entry> people) {
    }

    private final People people;
    private final ProfileRules rules;
    private final JsonMapper json;

    public DemoPeople(People people, ProfileRules rules, JsonMapper json) {
        this.people = people;
        this.rules = rules;
        this.json = json;
    }

    /** The profiles, each checked by the same rules as a person's own. */
    List<Profile> profiles(Instant now) {
        File file;
        try (InputStream in = DemoPeople.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            file = json.readValue(in, File.class);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + RESOURCE, e);
        }
        List<Profile> out = new ArrayList<>();
        for (Entry e : file.people()) {
            ProfileInput in = rules.check(new ProfileInput(e.headline(), e.bio(), e.expertise(), e.sectors(), e.languages(), e.country(),
                    e.region(), e.listed(), e.availableForCounselling(), Map.of(), null, null));
            Profile base;
            if (e.username() != null) {
                DemoUser u = DemoUsers.find(e.username()).orElseThrow(() -> new IllegalStateException("no demo user " + e.username()));
                base = Profile.fresh(u.subject(), u.username(), u.name(), VetnetJwtConverter.organisation(u.groups()), u.email(), now);
            } else {
                base = Profile.fresh(e.id(), e.id(), e.displayName(), e.organisation(), null, now);
            }
            Profile p = base.withInput(in, now);
            out.add(new Profile(p.id(), p.username(), p.displayName(), p.organisation(), p.email(), p.headline(), p.bio(), p.expertise(),
                    p.sectors(), p.languages(), p.country(), p.region(), p.listed(), p.availableForCounselling(), p.visibility(), now, true,
                    true, true));
        }
        return out;
    }

    /** After the directory is read: writes the demo profiles of people who have none. */
    public void loadWhereMissing() {
        people.whenLoaded().thenCompose(n -> {
            CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
            int written = 0;
            for (Profile p : profiles(Instant.now())) {
                if (people.directory().get(p.id()).isEmpty()) {
                    chain = chain.thenCompose(v -> people.save(p).thenApply(saved -> null));
                    written++;
                }
            }
            int count = written;
            return chain.thenRun(() -> log.info("demo people: {} demo profiles written (marked as demo data)", count));
        }).exceptionally(err -> {
            log.warn("demo people: not loaded ({})", err.toString());
            return null;
        });
    }
}
