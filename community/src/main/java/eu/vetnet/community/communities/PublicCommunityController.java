package eu.vetnet.community.communities;

import eu.vetnet.community.pages.CommunityPage;
import eu.vetnet.community.pages.LibraryFeeds;
import eu.vetnet.community.web.CommunityProperties;
import eu.vetnet.identity.api.ApiException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Communities' public face: the list and home pages as JSON, the server-rendered page, the feed, the sitemap part. */
@RestController
public class PublicCommunityController {

    private final Communities communities;
    private final CommunityPage page;
    private final LibraryFeeds feeds;
    private final CacheControl cache;

    public PublicCommunityController(Communities communities, CommunityPage page, LibraryFeeds feeds, CommunityProperties properties) {
        this.communities = communities;
        this.page = page;
        this.feeds = feeds;
        this.cache = CacheControl.maxAge(properties.getPublicCache()).cachePublic();
    }

    @GetMapping("/api/public/communities")
    public List<CommunityViews.Card> list() {
        return communities.all().stream().map(c -> CommunityViews.Card.of(c, null)).toList();
    }

    @GetMapping("/api/public/communities/{slug}")
    public Mono<CommunityViews.Home> home(@PathVariable String slug) {
        return Mono.defer(() -> Mono.fromCompletionStage(communities.home(slug, null)));
    }

    @GetMapping("/c/{slug}")
    public Mono<ResponseEntity<String>> page(@PathVariable String slug, @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = "Accept-Language", required = false) String accepted) {
        String language = eu.vetnet.community.pages.PublicLanguage.of(lang, accepted);
        var found = communities.find(slug);
        if (found.isEmpty()) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML).body(
                    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><main><h1>No such community</h1>"
                            + "<p><a href=\"/communities\">Communities</a></p></main></body></html>"));
        }
        return Mono.defer(() -> Mono.fromCompletionStage(communities.home(slug, null)))
                .map(home -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8")).cacheControl(cache)
                        .body(page.render(home, found.get(), language)));
    }

    @GetMapping("/feeds/communities/{slug}.atom")
    public ResponseEntity<String> feed(@PathVariable String slug) {
        Community c = communities.find(slug).orElseThrow(() -> ApiException.notFound("no community " + slug));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8")).cacheControl(cache)
                .body(feeds.communityAtom(c));
    }

    @GetMapping("/sitemaps/communities.xml")
    public ResponseEntity<String> sitemap() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xml;charset=UTF-8")).cacheControl(cache)
                .body(feeds.communitiesSitemap(communities.all()));
    }
}
