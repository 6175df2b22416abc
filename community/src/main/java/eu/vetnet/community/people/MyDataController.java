package eu.vetnet.community.people;

import eu.vetnet.community.communities.Communities;
import eu.vetnet.community.counselling.Counselling;
import eu.vetnet.community.discussions.Discussions;
import eu.vetnet.community.library.Comments;
import eu.vetnet.community.library.Library;
import eu.vetnet.community.notifications.Notifications;
import eu.vetnet.community.web.CurrentUser;
import eu.vetnet.identity.VetnetUser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * "My data" (docs/community.md, "Their own data"): everything the community server holds about the person asking, as
 * one JSON download: their profile with their e-mail address, the practices they write, the cases they asked or were
 * invited to, the communities they belong to and their role there, the requests to join still waiting, what they wrote
 * in discussions (hidden posts too) and the discussions they follow, the practices they endorse, and their notifications. What is not in it is named
 * in the file itself ({@code notYetIncluded}), so the download never claims more than it holds.
 */
@RestController
public class MyDataController {

    /** What VET-NET holds about a person that this download does not carry (docs/community.md). */
    static final List<String> NOT_YET_INCLUDED = List.of(
            "what the room server holds (rooms, their history, follow-up): ask its operators");

    private final People people;
    private final Library library;
    private final Counselling counselling;
    private final Communities communities;
    private final Notifications notifications;
    private final Discussions discussions;
    private final Comments comments;

    public MyDataController(People people, Library library, Counselling counselling, Communities communities, Notifications notifications,
            Discussions discussions, Comments comments) {
        this.comments = comments;
        this.people = people;
        this.library = library;
        this.counselling = counselling;
        this.communities = communities;
        this.notifications = notifications;
        this.discussions = discussions;
    }

    @GetMapping("/api/community/me/export")
    public Mono<ResponseEntity<Map<String, Object>>> export(@AuthenticationPrincipal Jwt jwt) {
        VetnetUser user = CurrentUser.of(jwt);
        return Mono.defer(() -> Mono.fromCompletionStage(people.me(user)
                .thenCombine(library.mine(user), (profile, practices) -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("exportedAt", Instant.now());
                    out.put("id", profile.id());
                    out.put("profile", profile);
                    out.put("practices", practices);
                    return out;
                })
                .thenCombine(counselling.mine(user), (out, cases) -> {
                    out.put("counsellingCases", cases);
                    return out;
                })
                .thenCombine(communities.rolesOf(user), (out, roles) -> {
                    List<Map<String, String>> mine = communities.all().stream().filter(c -> roles.containsKey(c.id()))
                            .map(c -> Map.of("community", c.slug(), "name", c.name(), "role", roles.get(c.id()).name())).toList();
                    out.put("communities", mine);
                    return out;
                })
                .thenCombine(communities.waitingRequestsOf(user), (out, waiting) -> {
                    out.put("requestsToJoin", waiting);
                    return out;
                })
                .thenCombine(discussions.writtenBy(user), (out, posts) -> {
                    out.put("discussionPosts", posts);
                    return out;
                })
                .thenCombine(discussions.followedBy(user), (out, followed) -> {
                    out.put("discussionsFollowed", followed);
                    return out;
                })
                .thenCombine(library.endorsedBy(user), (out, endorsed) -> {
                    out.put("endorsements", endorsed);
                    return out;
                })
                .thenCombine(comments.writtenBy(user), (out, written) -> {
                    out.put("practiceComments", written);
                    return out;
                })
                .thenCombine(notifications.list(user.id(), Notifications.LISTED), (out, told) -> {
                    out.put("notifications", told);
                    out.put("notYetIncluded", NOT_YET_INCLUDED);
                    return out;
                })))
                .map(body -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vetnet-my-data.json\"").body(body));
    }
}
