package eu.vetnet.community.web;

import eu.vetnet.community.communities.Communities;
import eu.vetnet.community.counselling.CaseRules;
import eu.vetnet.community.counselling.Counselling;
import eu.vetnet.community.counselling.CounsellingMail;
import eu.vetnet.community.counselling.PeerMatching;
import eu.vetnet.community.demo.DemoCommunities;
import eu.vetnet.community.demo.DemoLibrary;
import eu.vetnet.community.demo.DemoOrganisations;
import eu.vetnet.community.demo.DemoPeople;
import eu.vetnet.community.discussions.Discussions;
import eu.vetnet.community.library.Comments;
import eu.vetnet.community.library.Library;
import eu.vetnet.community.library.PracticeRules;
import eu.vetnet.community.library.WriteLimiter;
import eu.vetnet.community.notifications.DigestMailer;
import eu.vetnet.community.notifications.LivePublisher;
import eu.vetnet.community.notifications.Notifications;
import eu.vetnet.community.organisations.Organisations;
import eu.vetnet.community.pages.CommunityPage;
import eu.vetnet.community.pages.LibraryFeeds;
import eu.vetnet.community.pages.PracticePage;
import eu.vetnet.community.people.AccountDeletion;
import eu.vetnet.community.people.Directory;
import eu.vetnet.community.people.People;
import eu.vetnet.community.people.ProfileRules;
import eu.vetnet.community.reference.ReferenceData;
import eu.vetnet.community.search.LibraryIndexer;
import eu.vetnet.community.search.PracticeIndex;
import eu.vetnet.community.storage.CassandraAccounts;
import eu.vetnet.community.storage.CassandraCases;
import eu.vetnet.community.storage.CassandraComments;
import eu.vetnet.community.storage.CassandraCommunities;
import eu.vetnet.community.storage.CassandraDiscussions;
import eu.vetnet.community.storage.CassandraPractices;
import eu.vetnet.community.storage.CassandraProfiles;
import eu.vetnet.community.storage.CommunityDatabase;
import eu.vetnet.identity.AccessTokenDecoders;
import eu.vetnet.identity.IssuerKeys;
import eu.vetnet.identity.production.ProductionSafety;
import eu.vetnet.redis.RedisClientOptions;
import eu.vetnet.redis.RedisKeys;
import eu.vetnet.storage.CassandraProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/** The community server's parts, wired (docs/community.md, "How it fits"). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CommunityProperties.class, CassandraProperties.class})
public class CommunityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CommunityConfiguration.class);

    @Bean
    ReactiveJwtDecoder communityJwtDecoder(CommunityProperties properties,
            @Value("${vetnet.oidc.key-refetch-cooldown:30s}") Duration keyRefetchCooldown) {
        // Keys are fetched on the first token, not at startup: this server may start before the issuer.
        IssuerKeys keys = new IssuerKeys(properties.getIssuerUri(), properties.getJwkSetUri(), keyRefetchCooldown);
        return AccessTokenDecoders.reactive(keys, properties.getIssuerUri(), properties.getAudience());
    }

    @Bean
    Clock communityClock() {
        return Clock.systemUTC();
    }

    @Bean
    ReferenceData referenceData(JsonMapper json) {
        return ReferenceData.load(json);
    }

    @Bean(destroyMethod = "close")
    CommunityDatabase communityDatabase(CassandraProperties properties,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.observation.ObservationRegistry> observations) {
        CommunityDatabase database = new CommunityDatabase(properties);
        // Cassandra requests made while serving an HTTP request are spans of its trace (docs/operations.md).
        observations.ifAvailable(database::observeWith);
        database.start();
        return database;
    }

    @Bean
    CassandraPractices cassandraPractices(CommunityDatabase database, JsonMapper json) {
        return new CassandraPractices(database, json);
    }

    @Bean(destroyMethod = "close")
    PracticeIndex practiceIndex(CommunityProperties properties, JsonMapper json) {
        return new PracticeIndex(properties.getIndexDirectory(), json);
    }

    @Bean
    LibraryIndexer libraryIndexer(CommunityDatabase database, CassandraPractices store, PracticeIndex index) {
        LibraryIndexer indexer = new LibraryIndexer(database, store, index);
        indexer.start();
        return indexer;
    }

    @Bean
    Library library(CassandraPractices store, PracticeIndex index, ReferenceData reference, WriteLimiter writeLimiter, Clock clock) {
        return new Library(store, index, new PracticeRules(reference), writeLimiter, clock);
    }

    /** One budget of writes per member for the library: practices, endorsements and comments draw on it alike. */
    @Bean
    WriteLimiter writeLimiter(CommunityProperties properties, Clock clock) {
        return new WriteLimiter(properties.getWritesPerMinute(), clock);
    }

    @Bean
    Comments comments(CommunityDatabase database, JsonMapper json, Library library, WriteLimiter writeLimiter, Notifications notifications,
            Clock clock) {
        return new Comments(new CassandraComments(database, json), library, writeLimiter, notifications, clock);
    }

    @Bean
    PracticePage practicePage(ReferenceData reference, CommunityProperties properties) {
        return new PracticePage(reference, properties.getPublicUrl());
    }

    @Bean
    LibraryFeeds libraryFeeds(ReferenceData reference, CommunityProperties properties) {
        return new LibraryFeeds(reference, properties.getPublicUrl());
    }

    @Bean
    CassandraProfiles cassandraProfiles(CommunityDatabase database, JsonMapper json) {
        return new CassandraProfiles(database, json);
    }

    @Bean
    People people(CassandraProfiles store, ReferenceData reference, CommunityDatabase database, Clock clock) {
        People people = new People(store, new Directory(), new ProfileRules(reference), clock);
        people.load(database.whenReady());
        return people;
    }

    @Bean
    Organisations organisations(CommunityDatabase database, JsonMapper json, People people, ReferenceData reference, Clock clock) {
        Organisations organisations = new Organisations(database, json, people, reference, clock);
        organisations.load();
        return organisations;
    }

    @Bean
    Notifications notifications(CommunityDatabase database, JsonMapper json, Clock clock, LivePublisher live) {
        return new Notifications(database, json, clock, live);
    }

    /** While Redis is away a publish fails at once instead of queueing in the client until it is back. */
    @Bean
    LettuceClientConfigurationBuilderCustomizer liveLettuceOptions() {
        return builder -> builder.clientOptions(RedisClientOptions.failFast());
    }

    /** Live notifications go through the room servers' Redis, under the keys every server shares. */
    @Bean
    LivePublisher livePublisher(ReactiveStringRedisTemplate redis, JsonMapper json,
            @Value("${" + RedisKeys.PREFIX_PROPERTY + ":" + RedisKeys.DEFAULT_PREFIX + "}") String keyPrefix) {
        return new LivePublisher(redis, new RedisKeys(keyPrefix), json);
    }

    @Bean(destroyMethod = "close")
    DigestMailer digestMailer(Notifications notifications, People people, Communities communities, CommunityDatabase database,
            ObjectProvider<JavaMailSender> mail, CommunityProperties properties, Clock clock) {
        DigestMailer digest = new DigestMailer(notifications, people, communities, database, mail, properties.getMailFrom(),
                properties.getPublicUrl(), properties.getDigestEvery(), clock);
        digest.start();
        return digest;
    }

    @Bean
    Communities communities(CommunityDatabase database, JsonMapper json, ReferenceData reference, Library library, Notifications notifications,
            Clock clock) {
        Communities communities = new Communities(new CassandraCommunities(database, json), new CassandraDiscussions(database, json),
                reference, library, notifications, clock);
        communities.load(database.whenReady());
        return communities;
    }

    @Bean
    Discussions discussions(CommunityDatabase database, JsonMapper json, Communities communities, ReferenceData reference,
            Notifications notifications, People people, Clock clock) {
        return new Discussions(new CassandraDiscussions(database, json), communities, reference, notifications, people, clock);
    }

    @Bean
    AccountDeletion accountDeletion(CommunityDatabase database, People people, Discussions discussions, Library library,
            Comments comments, Counselling counselling, Communities communities, CommunityProperties properties, Clock clock) {
        return new AccountDeletion(new CassandraAccounts(database, properties.getPseudonymKeptFor()), people, discussions, library, comments, counselling, communities, clock);
    }

    @Bean
    CommunityPage communityPage(CommunityProperties properties) {
        return new CommunityPage(properties.getPublicUrl());
    }

    @Bean
    Counselling counselling(CommunityDatabase database, JsonMapper json, People people, PracticeIndex index, ReferenceData reference,
            Library library, ObjectProvider<JavaMailSender> mail, Notifications notifications, CommunityProperties properties, Clock clock) {
        return new Counselling(new CassandraCases(database, json), people, new PeerMatching(index::countByAuthor),
                new CaseRules(reference), new PracticeRules(reference), library,
                new CounsellingMail(mail, properties.getMailFrom(), properties.getPublicUrl(), clock), notifications, clock);
    }

    /**
     * The demo library and demo people, only where asked for and never in production mode (the same rule as the identity server's:
     * a 'prod' profile or an issuer off this machine).
     */
    @Bean
    DemoLibrary demoLibrary(CommunityProperties properties, LibraryIndexer indexer, People people, Communities communities,
            Discussions discussions, Organisations organisations, PracticeIndex index,
            CassandraPractices store, ReferenceData reference, JsonMapper json, Environment environment,
            @Value("${vetnet.oidc.issuer-uri:}") String externalIssuerUri,
            @Value("${vetnet.identity.issuer-uri:http://localhost:8090}") String builtInIssuerUri) {
        String production = new ProductionSafety(new ProductionSafety.Settings(externalIssuerUri, builtInIssuerUri, null, null,
                List.of(environment.getActiveProfiles()))).productionReason();
        boolean load = properties.isDemoData() && production == null;
        if (properties.isDemoData() && production != null) {
            log.warn("demo data asked for (VETNET_COMMUNITY_DEMO_DATA) but production mode is on ({}): not loaded", production);
        }
        DemoLibrary demo = new DemoLibrary(indexer, index, store, new PracticeRules(reference), json);
        if (load) {
            var practices = demo.loadWhenEmpty();
            new DemoPeople(people, new ProfileRules(reference), json).loadWhereMissing();
            new DemoCommunities(communities, discussions, indexer, json).loadWhenEmpty(practices);
            new DemoOrganisations(organisations, json).loadWhereMissing();
        }
        return demo;
    }

    /** Healthy once the store answers and the search index is built (the launcher and load balancers wait for it). */
    @Bean
    HealthIndicator libraryHealthIndicator(LibraryIndexer indexer, People people, Communities communities, Organisations organisations) {
        return () -> {
            var parts = List.of(indexer.whenBuilt(), people.whenLoaded(), communities.whenLoaded(), organisations.whenLoaded());
            if (parts.stream().allMatch(p -> p.isDone() && !p.isCompletedExceptionally())) {
                return Health.up().withDetail("practicesRead", indexer.whenBuilt().join()).withDetail("profilesRead", people.whenLoaded().join())
                        .withDetail("communitiesRead", communities.whenLoaded().join()).build();
            }
            return Health.down().withDetail("reason", parts.stream().anyMatch(java.util.concurrent.CompletableFuture::isCompletedExceptionally)
                    ? "the search index, the directory or the communities could not be read"
                    : "waiting for Cassandra, the search index, the directory and the communities").build();
        };
    }
}
