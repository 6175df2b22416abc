package eu.vetnet.community.pages;

import eu.vetnet.community.library.Library;
import eu.vetnet.community.search.LibraryIndexer;
import eu.vetnet.community.search.PracticeHit;
import eu.vetnet.community.search.SearchQuery;
import eu.vetnet.community.web.CommunityProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import reactor.core.scheduler.Schedulers;

/** The library's public face, readable signed out and by machines (docs/community.md, "Public pages"). */
@RestController
public class PublicPagesController {

    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");
    /** Entries in the feed. */
    static final int FEED_SIZE = 50;

    private final Library library;
    private final LibraryIndexer indexer;
    private final PracticePage page;
    private final LibraryFeeds feeds;
    private final CacheControl cache;

    public PublicPagesController(Library library, LibraryIndexer indexer, PracticePage page, LibraryFeeds feeds, CommunityProperties properties) {
        this.library = library;
        this.indexer = indexer;
        this.page = page;
        this.feeds = feeds;
        this.cache = CacheControl.maxAge(properties.getPublicCache()).cachePublic();
    }

    @GetMapping("/practices/{slug}")
    public Mono<ResponseEntity<String>> practice(@PathVariable String slug, @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = "Accept-Language", required = false) String accepted) {
        String language = PublicLanguage.of(lang, accepted);
        return Mono.defer(() -> Mono.fromCompletionStage(library.published(slug))).map(found -> found
                .map(p -> ResponseEntity.ok().contentType(HTML).cacheControl(cache).body(page.render(p, language)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML).body(page.notFound(language))));
    }

    @GetMapping("/feeds/library.atom")
    public Mono<ResponseEntity<String>> atom() {
        return Mono.fromCallable(() -> {
            List<PracticeHit> newest = indexer.ready().search(new SearchQuery("", Map.of(), 0, FEED_SIZE)).hits();
            return ResponseEntity.ok().contentType(ATOM).cacheControl(cache).body(feeds.atom(newest));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/sitemap.xml")
    public Mono<ResponseEntity<String>> sitemapIndex() {
        return Mono.fromCallable(() -> ResponseEntity.ok().contentType(XML).cacheControl(cache)
                .body(feeds.sitemapIndex(indexer.ready().size()))).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/sitemaps/library-{n}.xml")
    public Mono<ResponseEntity<String>> sitemap(@PathVariable int n) {
        return Mono.fromCallable(() -> {
            var index = indexer.ready();
            if (n < 0 || (n > 0 && (long) n * LibraryFeeds.SITEMAP_PAGE >= index.size())) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(XML).body("<?xml version=\"1.0\"?><error>no such sitemap</error>");
            }
            List<PracticeHit> hits = new ArrayList<>();
            index.forEachPublished(n * LibraryFeeds.SITEMAP_PAGE, (n + 1) * LibraryFeeds.SITEMAP_PAGE, hits::add);
            return ResponseEntity.ok().contentType(XML).cacheControl(cache).body(feeds.sitemap(n == 0, hits));
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
