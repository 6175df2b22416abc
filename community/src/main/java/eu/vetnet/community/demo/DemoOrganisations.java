package eu.vetnet.community.demo;

import eu.vetnet.community.organisations.Organisation;
import eu.vetnet.community.organisations.OrganisationInput;
import eu.vetnet.community.organisations.Organisations;
import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.issuer.DemoUsers;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo organisation profiles for the demo users' organisation groups (docs/community.md, "Demo data"), written with
 * the same rules as an admin's, marked demo, for organisations that have no profile yet; never in production mode.
 */
public final class DemoOrganisations {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);
    static final String RESOURCE = "/eu/vetnet/community/demo/organisations.json";

    record Entry(String id, String name, String type, String country, String region, List<String> sectors, List<String> languages,
            String profile, String website, List<String> admins) {
    }

    record File(String note, List<Entry> organisations) {
    }

    private final Organisations organisations;
    private final JsonMapper json;

    public DemoOrganisations(Organisations organisations, JsonMapper json) {
        this.organisations = organisations;
        this.json = json;
    }

    List<Entry> entries() {
        try (InputStream in = DemoOrganisations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return json.readValue(in, File.class).organisations();
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + RESOURCE, e);
        }
    }

    public void loadWhereMissing() {
        organisations.whenLoaded().thenCompose(n -> {
            CompletionStage<?> chain = CompletableFuture.completedFuture(null);
            for (Entry e : entries()) {
                if (organisations.find(e.id()).isPresent()) {
                    continue;
                }
                chain = chain.thenCompose(x -> {
                    // Written as a platform admin would, then marked demo with its demo admins.
                    VetnetUser admin = new VetnetUser("demo-loader", "demo-loader", "Demo data", null, null, null, Set.of(Role.ADMIN));
                    return organisations.save(admin, e.id(), new OrganisationInput(e.name(), e.type(), e.country(), e.region(), e.sectors(),
                            e.languages(), e.profile(), e.website())).thenCompose(o -> organisations.write(new Organisation(o.id(), o.name(),
                            o.type(), o.country(), o.region(), o.sectors(), o.languages(), o.profile(), o.website(),
                            e.admins().stream().map(u -> DemoUsers.find(u).orElseThrow().subject()).toList(), o.updatedAt(), true)));
                });
            }
            return chain;
        }).whenComplete((v, err) -> {
            if (err != null) {
                log.warn("demo organisations: not loaded ({})", err.toString());
            }
        });
    }
}
