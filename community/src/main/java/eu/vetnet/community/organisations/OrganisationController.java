package eu.vetnet.community.organisations;

import eu.vetnet.community.web.CurrentUser;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.api.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Organisation profiles for signed-in members (docs/community.md, "Organisations"). */
@RestController
public class OrganisationController {

    private final Organisations organisations;

    public OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/api/community/organisations")
    public Map<String, Object> search(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String q,
            @RequestParam(required = false) String type, @RequestParam(required = false) String country,
            @RequestParam(required = false) String sector) {
        VetnetUser user = CurrentUser.of(jwt);
        List<OrganisationView> found = organisations.views(organisations.search(q, type, country, sector), user);
        return Map.of("total", found.size(), "organisations", found, "mine", user.organisation() == null ? "" : user.organisation());
    }

    @GetMapping("/api/community/organisations/{id}")
    public OrganisationView read(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Organisation o = organisations.find(id).orElseThrow(() -> ApiException.notFound("no profile of organisation " + id + " yet"));
        return organisations.view(o, CurrentUser.of(jwt));
    }

    @PutMapping("/api/community/organisations/{id}")
    public Mono<OrganisationView> save(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody OrganisationInput body) {
        VetnetUser user = CurrentUser.of(jwt);
        return Mono.defer(() -> Mono.fromCompletionStage(organisations.save(user, id, body))).map(o -> organisations.view(o, user));
    }
}
