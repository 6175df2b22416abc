package eu.vetnet.rooms.publish;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.dossier.DossierStore;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What rooms published, for anyone, without signing in (docs/rooms.md, "Publishing"): the newest publications, one
 * publication's page data, its files, and the licences one can publish under. A withdrawn publication answers 410.
 */
@RestController
public class PublicPublicationController {

    static final int MAX_LISTED = 50;

    private final ObjectProvider<PublicationStore> stores;

    public PublicPublicationController(ObjectProvider<PublicationStore> stores) {
        this.stores = stores;
    }

    @GetMapping("/api/public/publications/licences")
    public List<Licences.Licence> licences() {
        return Licences.all();
    }

    @GetMapping("/api/public/publications")
    public Mono<List<Publication.View>> latest(@RequestParam(required = false) Integer limit) {
        int n = limit == null ? 20 : Math.max(1, Math.min(MAX_LISTED, limit));
        PublicationStore store = stores.getIfAvailable();
        if (store == null) {
            return Mono.just(List.of());
        }
        return Mono.fromCompletionStage(() -> store.latest(n)).map(all -> all.stream().filter(p -> !p.withdrawn()).map(Publication::view).toList());
    }

    @GetMapping("/api/public/publications/{id}")
    public Mono<Publication.View> one(@PathVariable String id) {
        return published(id).map(Publication::view);
    }

    @GetMapping("/api/public/publications/{id}/files/{name:.+}")
    public Mono<ResponseEntity<byte[]>> file(@PathVariable String id, @PathVariable String name) {
        PublicationStore store = stores.getIfAvailable();
        return published(id).flatMap(p -> Mono.fromCompletionStage(() -> store.file(p.id(), name))).map(f -> f.orElseThrow(() ->
                ApiException.notFound("publication " + id + " has no file " + name, "its page lists its files"))).map(PublicPublicationController::answer);
    }

    private Mono<Publication> published(String id) {
        PublicationStore store = stores.getIfAvailable();
        if (store == null) {
            return Mono.error(ApiException.notFound("nothing is published on this server", "its rooms keep no history"));
        }
        return Mono.fromCompletionStage(() -> store.find(id)).map(found -> {
            Publication p = found.orElseThrow(() -> ApiException.notFound("nothing is published as " + id, "check the address"));
            if (p.withdrawn()) {
                throw new ApiException(HttpStatus.GONE, "this publication was withdrawn by its room's facilitator", "look for others in the library");
            }
            return p;
        });
    }

    /** A file as its type; an SVG may not run anything even when opened on its own. */
    private static ResponseEntity<byte[]> answer(DossierStore.File f) {
        return ResponseEntity.ok().contentType(f.mediaType())
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline").body(f.content());
    }
}
