import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import eu.vetnet.community.communities.Communities;
import eu.vetnet.community.communities.Community;
import eu.vetnet.community.communities.CommunityInput;
import eu.vetnet.community.discussions.Discussions;
import eu.vetnet.community.library.Library;
import eu.vetnet.community.library.PracticeRules;
import eu.vetnet.community.library.WriteLimiter;
import eu.vetnet.community.pages.CommunityPage;
import eu.vetnet.community.reference.ReferenceData;
import eu.vetnet.community.search.PracticeIndex;
import eu.vetnet.community.storage.CassandraCommunities;
import eu.vetnet.community.storage.CassandraDiscussions;
import eu.vetnet.community.storage.CassandraPractices;
import eu.vetnet.community.storage.CommunityDatabase;
import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.storage.CassandraProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.json.JsonMapper;

/**
 * A community's home page at size (docs/community.md, "Home page speed"): one community with MEMBERS members and
 * THREADS discussions in the real Cassandra (keyspace vetnet_bench_home, rewritten), its home page read as a member
 * and as a visitor, and the public page rendered, each timed on the server's own code. Side by side in the same run,
 * the naive way of showing the member count: counting the members' rows on every view (what storing the count on
 * the community avoids). Prints median, p95 and p99.
 * Usage (bench/community-home.sh): java ... CommunityHomeBench.java MEMBERS THREADS VIEWS CASSANDRA_HOST:PORT
 */
public class CommunityHomeBench {

    public static void main(String[] args) throws Exception {
        int members = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int views = Integer.parseInt(args[2]);
        CassandraProperties props = new CassandraProperties();
        props.setContactPoints(List.of(args[3]));
        props.setKeyspace("vetnet_bench_home");
        props.setConsistency("ONE");
        props.setRequestTimeout(Duration.ofSeconds(30));
        JsonMapper json = JsonMapper.builder().findAndAddModules().build();
        try (CommunityDatabase db = new CommunityDatabase(props)) {
            db.start();
            var ready = db.whenReady().get();
            ReferenceData reference = ReferenceData.load(json);
            Clock clock = Clock.systemUTC();
            PracticeIndex index = new PracticeIndex(null, json);
            Library library = new Library(new CassandraPractices(db, json), index, new PracticeRules(reference), new WriteLimiter(1_000_000, clock), clock);
            CassandraCommunities store = new CassandraCommunities(db, json);
            Communities communities = new Communities(store, new CassandraDiscussions(db, json), reference, library, clock);
            communities.load(db.whenReady());
            communities.whenLoaded().get();
            Discussions discussions = new Discussions(new CassandraDiscussions(db, json), communities, reference, clock);

            VetnetUser founder = user("founder");
            Community c = communities.create(founder, new CommunityInput("Bench community " + UUID.randomUUID(), "A community at size.",
                    List.of("en"), List.of("C16"), Community.Joining.OPEN)).toCompletableFuture().get();
            long started = System.nanoTime();
            Semaphore inFlight = new Semaphore(64);
            List<CompletableFuture<?>> pending = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                inFlight.acquire();
                pending.add(store.addMember(c.id(), new Community.Person("m" + i, "Member " + i), Community.Role.MEMBER, Instant.now())
                        .toCompletableFuture().whenComplete((v, e) -> inFlight.release()));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
            communities.addMember(c.slug(), user("m0")).toCompletableFuture().get();
            for (int i = 0; i < threads; i++) {
                discussions.open(c.slug(), founder, "Thread " + i, "Body of **thread** " + i, "en").toCompletableFuture().get();
            }
            for (int i = 0; i < 6; i++) {
                communities.linkSession(c.slug(), founder, "room-" + i, "Session " + i, Instant.now().plus(Duration.ofDays(i - 3))).toCompletableFuture().get();
            }
            System.out.printf("community with %d member rows and %d discussions written in %.1f s%n", members, threads, (System.nanoTime() - started) / 1e9);

            VetnetUser member = user("m1");
            CommunityPage page = new CommunityPage("https://vetnet.example");
            SimpleStatement count = SimpleStatement.newInstance("SELECT count(*) FROM vetnet_bench_home.community_members WHERE community = ?",
                    UUID.fromString(c.id())).setTimeout(Duration.ofSeconds(30));
            for (int warm = 0; warm < 50; warm++) {
                communities.home(c.slug(), member).toCompletableFuture().get();
                ready.session().execute(count);
            }
            double[] asMember = new double[views];
            double[] asVisitorPage = new double[views];
            double[] naiveCount = new double[views];
            for (int i = 0; i < views; i++) {
                long t = System.nanoTime();
                communities.home(c.slug(), member).toCompletableFuture().get();
                asMember[i] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                var home = communities.home(c.slug(), null).toCompletableFuture().get();
                page.render(home, communities.existing(c.slug()), "en");
                asVisitorPage[i] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                communities.home(c.slug(), member).toCompletableFuture().get();
                long counted = ready.session().execute(count).one().getLong(0);
                naiveCount[i] = (System.nanoTime() - t) / 1e6;
                if (counted != members + 1) {
                    throw new IllegalStateException("counted " + counted + " members, expected " + (members + 1));
                }
            }
            System.out.println("| home page, " + members + " members, " + threads + " discussions | median ms | p95 ms | p99 ms |");
            System.out.println("|---|---|---|---|");
            row("member's home page (stored member count)", asMember);
            row("visitor's public page, rendered", asVisitorPage);
            row("reference: member's home page counting members per view", naiveCount);
            System.out.printf("ratio p95 stored count / counting per view: %.3f%n", percentile(asMember, 95) / percentile(naiveCount, 95));
            index.close();
        }
        System.exit(0);
    }

    static VetnetUser user(String id) {
        return new VetnetUser(id, id, "Person " + id, null, null, null, Set.of(Role.FACILITATOR));
    }

    static void row(String what, double[] ms) {
        System.out.printf("| %s | %.2f | %.2f | %.2f |%n", what, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99));
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
