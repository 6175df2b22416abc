package eu.vetnet.community.people;

import eu.vetnet.community.storage.CassandraProfiles;
import eu.vetnet.community.storage.StoreUnavailableException;
import eu.vetnet.identity.VetnetUser;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's profiles and the directory (docs/community.md, "People"). A profile starts from the sign-in the first time
 * a person is seen; identity (name, organisation, e-mail) follows their latest token, the rest they write.
 */
public final class People {

    private static final Logger log = LoggerFactory.getLogger(People.class);

    private final CassandraProfiles store;
    private final Directory directory;
    private final ProfileRules rules;
    private final Clock clock;
    private final CompletableFuture<Long> loaded = new CompletableFuture<>();

    public People(CassandraProfiles store, Directory directory, ProfileRules rules, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.rules = rules;
        this.clock = clock;
    }

    /** Fills the directory from Cassandra once it is reachable. */
    public void load(CompletionStage<?> databaseReady) {
        AtomicLong read = new AtomicLong();
        databaseReady.thenCompose(r -> store.forEach(p -> {
            directory.put(p);
            read.incrementAndGet();
        })).whenComplete((v, err) -> {
            if (err != null) {
                log.error("people: the directory could not be read from Cassandra", err);
                loaded.completeExceptionally(err);
            } else {
                log.info("people: {} profiles read", read.get());
                loaded.complete(read.get());
            }
        });
    }

    public CompletableFuture<Long> whenLoaded() {
        return loaded;
    }

    public Directory directory() {
        if (!loaded.isDone() || loaded.isCompletedExceptionally()) {
            throw new StoreUnavailableException("the directory is being read from the store");
        }
        return directory;
    }

    /** The person's profile, made or brought up to date from their token (written only when something changed). */
    public CompletionStage<Profile> me(VetnetUser user) {
        Profile known = directory().get(user.id()).orElse(null);
        Profile current = known == null
                ? Profile.fresh(user.id(), user.username(), user.displayName(), user.organisation(), user.email(), clock.instant())
                : known.withIdentity(user.username(), user.displayName(), user.organisation(), user.email());
        if (current.equals(known)) {
            return CompletableFuture.completedFuture(known);
        }
        return save(current);
    }

    public CompletionStage<Profile> update(VetnetUser user, ProfileInput input) {
        ProfileInput checked = rules.check(input);
        return me(user).thenCompose(p -> save(p.withInput(checked, clock.instant())));
    }

    /** Writes a profile (the demo people use this too). */
    public CompletionStage<Profile> save(Profile p) {
        return store.save(p).thenApply(saved -> {
            directory.put(saved);
            return saved;
        });
    }

    public List<PersonCard> search(Directory.Filter filter, java.util.function.Function<String, java.util.Optional<String>> organisationType) {
        return directory().search(filter, Directory.MAX_LISTED, organisationType).stream().map(PersonCard::of).toList();
    }

    /** A person known to the community, as others see them (null when never seen). */
    public PersonCard card(String id) {
        return directory().get(Objects.requireNonNull(id)).map(PersonCard::of).orElse(null);
    }
}
