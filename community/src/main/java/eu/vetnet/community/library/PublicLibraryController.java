package eu.vetnet.community.library;

import eu.vetnet.community.reference.ReferenceData;
import eu.vetnet.community.search.LibraryIndexer;
import eu.vetnet.community.search.PracticeIndex;
import eu.vetnet.community.search.SearchQuery;
import eu.vetnet.community.search.SearchResult;
import eu.vetnet.identity.api.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What anyone may read of the library, signed in or not: search, a published practice, the reference data. */
@RestController
public class PublicLibraryController {

    private final LibraryIndexer indexer;
    private final Library library;
    private final ReferenceData reference;

    public PublicLibraryController(LibraryIndexer indexer, Library library, ReferenceData reference) {
        this.indexer = indexer;
        this.library = library;
        this.reference = reference;
    }

    /** {@code ?q=words&sector=C&sector=F&country=IT&page=0&size=20}: repeated facet values are alternatives. */
    @GetMapping("/api/public/library/search")
    public Mono<SearchResult> search(@RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> {
            Map<String, List<String>> filters = new LinkedHashMap<>();
            for (var e : params.entrySet()) {
                String name = e.getKey();
                if (name.equals("q") || name.equals("page") || name.equals("size")) {
                    continue;
                }
                List<String> values = e.getValue().stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
                if (values.size() > 50) {
                    throw ApiException.badRequest(name + " has " + values.size() + " values", "at most 50 per facet");
                }
                if (!values.isEmpty()) {
                    filters.put(name, values);
                }
            }
            SearchQuery q = new SearchQuery(params.getFirst("q"), filters, number(params, "page", 0), number(params, "size", 20));
            PracticeIndex index = indexer.ready();
            return index.search(q);
        }).subscribeOn(Schedulers.boundedElastic()); // Lucene reads files: off the event loop
    }

    @GetMapping("/api/public/library/practices/{slug}")
    public Mono<PracticeView> practice(@PathVariable String slug) {
        return Mono.defer(() -> Mono.fromCompletionStage(library.published(slug)))
                .map(p -> PracticeView.of(p.orElseThrow(() -> ApiException.notFound("no published practice " + slug, Library.NOT_PUBLISHED)), false, false));
    }

    @GetMapping("/api/public/library/reference")
    public ResponseEntity<Map<String, Object>> reference() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic()).body(reference.forClients());
    }

    private static int number(MultiValueMap<String, String> params, String name, int fallback) {
        String v = params.getFirst(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " '" + v + "' is not a number", "a whole number");
        }
    }
}
