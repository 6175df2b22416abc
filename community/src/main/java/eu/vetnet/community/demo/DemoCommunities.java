package eu.vetnet.community.demo;

import eu.vetnet.community.communities.Communities;
import eu.vetnet.community.communities.Community;
import eu.vetnet.community.communities.CommunityInput;
import eu.vetnet.community.discussions.Discussions;
import eu.vetnet.community.search.LibraryIndexer;
import eu.vetnet.community.search.SearchQuery;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.issuer.DemoUser;
import eu.vetnet.identity.issuer.DemoUsers;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo communities for the embedded run (docs/community.md, "Demo data"): founded and joined by the built-in issuer's
 * demo users, with a discussion, sessions and demo practices linked, written through the same calls members make.
 * Only into a server with no communities; never in production mode (CommunityConfiguration decides).
 */
public final class DemoCommunities {

    private static final Logger log = LoggerFactory.getLogger(DemoCommunities.class);
    static final String RESOURCE = "/eu/vetnet/community/demo/communities.json";

    record Reply(String author, String body) {
    }

    record Thread(String title, String body, String language, String author, List<Reply> replies) {
    }

    record Session(String title, int daysFromNow) {
    }

    record Entry(String name, String description, List<String> languages, List<String> sectors, Community.Joining joining, String founder,
            List<String> members, String practices, List<Thread> threads, List<Session> sessions) {
    }

    record File(String note, List<Entry> communities) {
    }

    private final Communities communities;
    private final Discussions discussions;
    private final LibraryIndexer library;
    private final JsonMapper json;

    public DemoCommunities(Communities communities, Discussions discussions, LibraryIndexer library, JsonMapper json) {
        this.communities = communities;
        this.discussions = discussions;
        this.library = library;
        this.json = json;
    }

    File file() {
        try (InputStream in = DemoCommunities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return json.readValue(in, File.class);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + RESOURCE, e);
        }
    }

    /** After the communities and the library are read (and the demo practices written): when there are no communities. */
    public void loadWhenEmpty(CompletionStage<?> libraryLoaded) {
        CompletableFuture.allOf(communities.whenLoaded(), library.whenBuilt(), libraryLoaded.toCompletableFuture()).thenCompose(v -> {
            if (!communities.all().isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
            for (Entry e : file().communities()) {
                chain = chain.thenCompose(x -> write(e));
            }
            return chain.thenRun(() -> log.info("demo communities written (marked as demo data)"));
        }).exceptionally(err -> {
            log.warn("demo communities: not loaded ({})", err.toString());
            return null;
        });
    }

    private CompletionStage<Void> write(Entry e) {
        VetnetUser founder = user(e.founder());
        return communities.create(new CommunityInput(e.name(), e.description(), e.languages(), e.sectors(), e.joining()),
                new Community.Person(founder.id(), founder.displayName()), true).thenCompose(c -> {
            CompletionStage<?> chain = CompletableFuture.completedFuture(null);
            for (String m : e.members()) {
                chain = chain.thenCompose(x -> communities.addMember(c.slug(), user(m)));
            }
            for (Session s : e.sessions()) {
                chain = chain.thenCompose(x -> communities.linkSession(c.slug(), founder, "demo-session-" + Math.abs(s.title().hashCode()), s.title(),
                        Instant.now().plus(Duration.ofDays(s.daysFromNow()))));
            }
            for (var hit : library.ready().search(new SearchQuery(e.practices(), Map.of(), 0, 3)).hits()) {
                chain = chain.thenCompose(x -> communities.linkPractice(c.slug(), founder, hit.id()));
            }
            for (Thread t : e.threads()) {
                chain = chain.thenCompose(x -> discussions.open(c.slug(), user(t.author()), t.title(), t.body(), t.language()))
                        .thenCompose(view -> {
                            CompletionStage<?> replies = CompletableFuture.completedFuture(null);
                            for (Reply r : t.replies()) {
                                replies = replies.thenCompose(y -> discussions.reply(view.id(), user(r.author()), r.body()));
                            }
                            return replies;
                        });
            }
            return chain.thenApply(x -> null);
        });
    }

    /** A demo user as their token would present them. */
    static VetnetUser user(String username) {
        DemoUser u = DemoUsers.find(username).orElseThrow(() -> new IllegalStateException("no demo user " + username));
        return new VetnetUser(u.subject(), u.username(), u.name(), u.email(),
                eu.vetnet.identity.VetnetJwtConverter.organisation(u.groups()), null, Set.of(u.role()));
    }
}
