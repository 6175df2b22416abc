package eu.vetnet.learning.web;

import eu.vetnet.identity.AccessTokenDecoders;
import eu.vetnet.identity.IssuerKeys;
import eu.vetnet.identity.production.ProductionSafety;
import eu.vetnet.learning.attendance.Attendance;
import eu.vetnet.learning.attendance.RoomHistory;
import eu.vetnet.learning.credentials.Credentials;
import eu.vetnet.learning.credentials.Issuers;
import eu.vetnet.learning.credentials.StatusLists;
import eu.vetnet.learning.credentials.Verifier;
import eu.vetnet.learning.demo.DemoProgramme;
import eu.vetnet.learning.editions.Editions;
import eu.vetnet.learning.programmes.Programmes;
import eu.vetnet.learning.records.Results;
import eu.vetnet.learning.reports.Reports;
import eu.vetnet.learning.review.Reviews;
import eu.vetnet.learning.rooms.LiveRooms;
import eu.vetnet.learning.validation.Validation;
import eu.vetnet.learning.storage.CassandraAttendance;
import eu.vetnet.learning.storage.CassandraCredentials;
import eu.vetnet.learning.storage.CassandraEditions;
import eu.vetnet.learning.storage.CassandraEvidence;
import eu.vetnet.learning.storage.CassandraIssuerKeys;
import eu.vetnet.learning.storage.CassandraProgrammes;
import eu.vetnet.learning.storage.CassandraResults;
import eu.vetnet.learning.storage.CassandraReviews;
import eu.vetnet.learning.storage.LearningDatabase;
import eu.vetnet.storage.BackgroundSession;
import eu.vetnet.storage.CassandraProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/** The learning server's parts, wired (docs/learning.md, "How it fits"). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LearningProperties.class, CassandraProperties.class})
public class LearningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LearningConfiguration.class);

    @Bean
    ReactiveJwtDecoder learningJwtDecoder(LearningProperties properties,
            @Value("${vetnet.oidc.key-refetch-cooldown:30s}") Duration keyRefetchCooldown) {
        // Keys are fetched on the first token, not at startup: this server may start before the issuer.
        IssuerKeys keys = new IssuerKeys(properties.getIssuerUri(), properties.getJwkSetUri(), keyRefetchCooldown);
        return AccessTokenDecoders.reactive(keys, properties.getIssuerUri(), properties.getAudience());
    }

    @Bean
    Clock learningClock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    BackgroundSession learningDatabase(CassandraProperties properties,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.observation.ObservationRegistry> observations) {
        BackgroundSession session = LearningDatabase.session(properties);
        // Cassandra requests made while serving an HTTP request are spans of its trace (docs/operations.md).
        observations.ifAvailable(session::observeWith);
        session.start();
        return session;
    }

    @Bean
    CassandraProgrammes cassandraProgrammes(BackgroundSession db, JsonMapper json) {
        return new CassandraProgrammes(db, json);
    }

    @Bean
    CassandraEditions cassandraEditions(BackgroundSession db, JsonMapper json) {
        return new CassandraEditions(db, json);
    }

    @Bean
    Programmes programmes(CassandraProgrammes store, Clock clock) {
        return new Programmes(store, clock);
    }

    @Bean
    Editions editions(CassandraEditions store, Programmes programmes, LearningProperties properties, Clock clock) {
        return new Editions(store, programmes, new LiveRooms(properties.getRoomsUri()), clock);
    }

    @Bean
    Results results(BackgroundSession db, JsonMapper json, CassandraEditions editions, CassandraProgrammes programmes, Editions editionService,
            Clock clock) {
        return new Results(new CassandraResults(db, json), editions, programmes, editionService, clock);
    }

    @Bean
    Attendance attendance(BackgroundSession db, JsonMapper json, CassandraEditions editions, Editions editionService,
            LearningProperties properties, Clock clock) {
        return new Attendance(new CassandraAttendance(db, json), editions, editionService,
                new RoomHistory(properties.getRoomsUri()), clock);
    }

    @Bean
    Validation validation(BackgroundSession db, JsonMapper json, Editions editionService, Programmes programmes,
            Clock clock) {
        return new Validation(new CassandraEvidence(db, json), new CassandraResults(db, json), editionService, programmes, clock);
    }

    @Bean
    Reports reports(BackgroundSession db, JsonMapper json, Editions editionService, CassandraEditions editions) {
        return new Reports(editionService, editions, new CassandraResults(db, json), new CassandraAttendance(db, json), new CassandraEvidence(db, json),
                new CassandraReviews(db, json));
    }

    @Bean
    Reviews peerReviews(BackgroundSession db, JsonMapper json, CassandraEditions editions, Editions editionService, Clock clock) {
        return new Reviews(new CassandraReviews(db, json), editions, editionService, clock);
    }

    @Bean
    Issuers issuers(LearningProperties properties) {
        return new Issuers(properties.getPublicUrl());
    }

    @Bean
    eu.vetnet.learning.credentials.IssuerKeys issuerKeys(BackgroundSession db, Clock clock) {
        return new eu.vetnet.learning.credentials.IssuerKeys(new CassandraIssuerKeys(db), clock);
    }

    @Bean
    CassandraCredentials cassandraCredentials(BackgroundSession db) {
        return new CassandraCredentials(db);
    }

    @Bean
    StatusLists statusLists(CassandraCredentials store, Issuers issuers, eu.vetnet.learning.credentials.IssuerKeys keys, JsonMapper json,
            Clock clock) {
        return new StatusLists(store, issuers, keys, json, clock);
    }

    @Bean
    Verifier verifier(Issuers issuers, eu.vetnet.learning.credentials.IssuerKeys keys, StatusLists statusLists, JsonMapper json, Clock clock) {
        return new Verifier(issuers, keys, statusLists, json, clock);
    }

    @Bean
    Credentials credentials(CassandraCredentials store, CassandraEditions editions, CassandraProgrammes programmes, Editions editionService,
            Results results, eu.vetnet.learning.credentials.IssuerKeys keys, Issuers issuers, LearningProperties properties, JsonMapper json,
            Clock clock) {
        return new Credentials(store, editions, programmes, editionService, results, keys, issuers, properties.getPublicUrl(), json, clock);
    }

    /**
     * The demo programme, only where asked for and never in production mode (the same rule as the identity server's:
     * a 'prod' profile or an issuer off this machine). Loaded once Cassandra answers.
     */
    @Bean
    DemoProgramme demoProgramme(LearningProperties properties, BackgroundSession db, CassandraProgrammes programmes, CassandraEditions editions,
            Clock clock, Environment environment, @Value("${vetnet.oidc.issuer-uri:}") String externalIssuerUri,
            @Value("${vetnet.identity.issuer-uri:http://localhost:8090}") String builtInIssuerUri) {
        String production = new ProductionSafety(new ProductionSafety.Settings(externalIssuerUri, builtInIssuerUri, null, null,
                List.of(environment.getActiveProfiles()))).productionReason();
        DemoProgramme demo = new DemoProgramme(programmes, editions, clock);
        if (properties.isDemoData() && production != null) {
            log.warn("demo data asked for (VETNET_LEARNING_DEMO_DATA) but production mode is on ({}): not loaded", production);
        } else if (properties.isDemoData()) {
            db.whenReady().thenCompose(ready -> demo.loadWhenMissing()).exceptionally(e -> {
                log.warn("learning: the demo programme could not be loaded: {}", e.getMessage());
                return null;
            });
        }
        return demo;
    }

    /** Healthy once the store answers (the launcher and load balancers wait for it). */
    @Bean
    HealthIndicator learningStoreHealthIndicator(BackgroundSession db) {
        return () -> {
            var ready = db.whenReady();
            if (ready.isDone() && !ready.isCompletedExceptionally()) {
                return Health.up().build();
            }
            return Health.down().withDetail("reason", "waiting for Cassandra").build();
        };
    }
}
