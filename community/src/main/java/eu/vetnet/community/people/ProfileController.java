package eu.vetnet.community.people;

import eu.vetnet.community.web.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A person's own profile, and the directory of members (docs/community.md, "People"). Signed in only. */
@RestController
public class ProfileController {

    private final People people;
    private final eu.vetnet.community.organisations.Organisations organisations;

    public ProfileController(People people, eu.vetnet.community.organisations.Organisations organisations) {
        this.people = people;
        this.organisations = organisations;
    }

    @GetMapping("/api/community/profile/me")
    public Mono<ProfileView> me(@AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> Mono.fromCompletionStage(people.me(CurrentUser.of(jwt)))).map(ProfileView::of);
    }

    @PutMapping("/api/community/profile/me")
    public Mono<ProfileView> update(@AuthenticationPrincipal Jwt jwt, @RequestBody ProfileInput input) {
        return Mono.defer(() -> Mono.fromCompletionStage(people.update(CurrentUser.of(jwt), input))).map(ProfileView::of);
    }

    @GetMapping("/api/community/directory")
    public Mono<Map<String, Object>> directory(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String country,
            @RequestParam(required = false) String expertise, @RequestParam(required = false) String language,
            @RequestParam(required = false) String organisationType) {
        return Mono.fromCallable(() -> {
            if (q != null && q.length() > 200) {
                throw eu.vetnet.identity.api.ApiException.badRequest("q has " + q.length() + " characters", "at most 200");
            }
            List<PersonCard> found = people.search(new Directory.Filter(q, sector, country, expertise, language, organisationType),
                    organisations::typeOf);
            return Map.<String, Object>of("total", found.size(), "people", found);
        });
    }
}
