package eu.vetnet.community.demo;

import eu.vetnet.community.library.Practice;
import eu.vetnet.community.library.PracticeContent;
import eu.vetnet.community.library.PracticeRules;
import eu.vetnet.community.library.Slugs;
import eu.vetnet.community.search.LibraryIndexer;
import eu.vetnet.community.search.PracticeIndex;
import eu.vetnet.community.storage.CassandraPractices;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo library of the embedded run (docs/community.md, "Demo data"): invented practices from
 * demo/practices.json, each marked {@code demo} (the app and the public pages say so), written once into an empty
 * library. Never loaded in production mode (CommunityConfiguration decides).
 */
public final class DemoLibrary {

    private static final Logger log = LoggerFactory.getLogger(DemoLibrary.class);
    static final String RESOURCE = "/eu/vetnet/community/demo/practices.json";

    /** One entry of the file: a practice's content with its demo author, licence and endorsement count. */
    record Entry(String title, String summary, String problem, String approach, String results, String evidence, String sector,
            Integer eqfLevel, String country, String region, String language, String organisation, String organisationType,
            String licence, String author, Integer endorsements, List<PracticeContent.Link> links) {

        PracticeContent content() {
            return new PracticeContent(title, summary, problem, approach, results, evidence, sector, eqfLevel, country, region,
                    language, organisation, organisationType, links);
        }
    }

    record File(String note, List<Entry> practices) {
    }

    private final LibraryIndexer indexer;
    private final PracticeIndex index;
    private final CassandraPractices store;
    private final PracticeRules rules;
    private final JsonMapper json;

    public DemoLibrary(LibraryIndexer indexer, PracticeIndex index, CassandraPractices store, PracticeRules rules, JsonMapper json) {
        this.indexer = indexer;
        this.index = index;
        this.store = store;
        this.rules = rules;
        this.json = json;
    }

    /** The entries, each checked by the same rules as a member's request (a bad file fails here, not on a page). */
    List<Practice> practices(Instant now) {
        File file;
        try (InputStream in = DemoLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            file = json.readValue(in, File.class);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + RESOURCE, e);
        }
        List<Practice> out = new ArrayList<>();
        for (int i = 0; i < file.practices().size(); i++) {
            Entry e = file.practices().get(i);
            PracticeContent content = rules.check(e.content());
            String id = UUID.nameUUIDFromBytes(("vetnet-demo-practice-" + i).getBytes()).toString();
            String author = "demo-" + e.author().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            // Published over the last weeks, so "newest first" and the feed have an order.
            Instant published = now.minus(Duration.ofHours(20L * (i + 1)));
            out.add(new Practice(id, Slugs.of(content.title(), id), 1, Practice.Status.PUBLISHED, content, rules.licence(e.licence()),
                    List.of(new Practice.Author(author, e.author())), e.endorsements() == null ? 0 : e.endorsements(), published,
                    published, published, true));
        }
        return out;
    }

    /** After the index is built from Cassandra: when the library is empty, writes the demo practices. Completes when done. */
    public CompletableFuture<Void> loadWhenEmpty() {
        return indexer.whenBuilt().thenCompose(read -> {
            if (read > 0) {
                log.info("demo library: the library holds {} practices already, nothing loaded", read);
                return CompletableFuture.completedFuture(null);
            }
            List<Practice> practices = practices(Instant.now());
            CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
            for (Practice p : practices) {
                chain = chain.thenCompose(v -> write(p));
            }
            return chain.thenRun(() -> {
                log.info("demo library: {} demo practices written (marked as demo data)", practices.size());
            });
        }).exceptionally(err -> {
            log.warn("demo library: not loaded ({})", err.toString());
            return null;
        });
    }

    private CompletionStage<Void> write(Practice p) {
        String author = p.authors().get(0).id();
        return store.claimSlug(p.slug(), p.id())
                .thenCompose(claimed -> store.save(p.withEndorsements(0), author, List.of(author)))
                .thenCompose(saved -> endorse(p, 0))
                .thenCompose(saved -> index.apply(saved));
    }

    /** Endorsements by demo members, stored as any other, so a real member's endorsement counts on from them. */
    private CompletionStage<Practice> endorse(Practice p, int k) {
        if (k >= p.endorsements()) {
            return store.saveCurrent(p);
        }
        return store.endorse(p.id(), "demo-member-" + k, "Demo member " + (k + 1), true, p.publishedAt())
                .thenCompose(count -> endorse(p, k + 1));
    }
}
