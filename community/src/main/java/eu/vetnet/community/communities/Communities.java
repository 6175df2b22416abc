package eu.vetnet.community.communities;

import eu.vetnet.community.library.Library;
import eu.vetnet.community.library.Slugs;
import eu.vetnet.community.notifications.Notification;
import eu.vetnet.community.notifications.Notifications;
import eu.vetnet.community.people.ProfileRules;
import eu.vetnet.community.reference.CodeLists;
import eu.vetnet.community.reference.ReferenceData;
import eu.vetnet.community.storage.BoundedReads;
import eu.vetnet.community.storage.CassandraCommunities;
import eu.vetnet.community.storage.CassandraDiscussions;
import eu.vetnet.community.storage.WriteLanes;
import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.api.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Thematic communities (docs/community.md, "Communities"): founded by facilitators, policymakers or admins (who
 * moderate them), joined at once or on request, with sessions (rooms) and practices linked and a home page that shows
 * what is alive. All communities are kept in memory too (read at start, each write kept): the list and the public
 * pages never query; members, requests and discussions are read per request.
 */
public final class Communities {

    private static final Logger log = LoggerFactory.getLogger(Communities.class);
    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 5_000;
    public static final int MAX_MESSAGE = 500;
    static final int THREADS_READ = 500;
    static final int REQUESTS_READ = 500;

    private final CassandraCommunities store;
    private final CassandraDiscussions discussions;
    private final ReferenceData reference;
    private final Library library;
    private final Notifications notifications;
    private final Clock clock;
    private final WriteLanes lanes = new WriteLanes();
    private final ConcurrentHashMap<String, Community> bySlug = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> loaded = new CompletableFuture<>();

    public Communities(CassandraCommunities store, CassandraDiscussions discussions, ReferenceData reference, Library library,
            Notifications notifications, Clock clock) {
        this.store = store;
        this.discussions = discussions;
        this.reference = reference;
        this.library = library;
        this.notifications = notifications;
        this.clock = clock;
    }

    public void load(CompletionStage<?> databaseReady) {
        databaseReady.thenCompose(r -> store.forEach(c -> bySlug.put(c.slug(), c))).whenComplete((v, err) -> {
            if (err != null) {
                log.error("communities could not be read from Cassandra", err);
                loaded.completeExceptionally(err);
            } else {
                log.info("communities: {} read", bySlug.size());
                loaded.complete((long) bySlug.size());
            }
        });
    }

    public CompletableFuture<Long> whenLoaded() {
        return loaded;
    }

    public List<Community> all() {
        return bySlug.values().stream().sorted(Comparator.comparing((Community c) -> -c.memberCount()).thenComparing(Community::name)).toList();
    }

    public Optional<Community> find(String slug) {
        return Optional.ofNullable(slug == null ? null : bySlug.get(slug));
    }

    public Community existing(String slug) {
        return find(slug).orElseThrow(() -> ApiException.notFound("no community " + slug));
    }

    /** A new community; its founder is its first moderator and member. */
    public CompletionStage<Community> create(VetnetUser user, CommunityInput in) {
        if (!user.hasRole(Role.FACILITATOR) && !user.hasRole(Role.POLICYMAKER) && !user.hasRole(Role.ADMIN)) {
            throw ApiException.forbidden("facilitators, policymakers and admins start communities", "ask one of them to start it and make you a moderator");
        }
        return create(check(in), new Community.Person(user.id(), user.displayName()), false);
    }

    /** Writes a new community (the demo data uses this too). */
    public CompletionStage<Community> create(CommunityInput in, Community.Person founder, boolean demo) {
        String id = UUID.randomUUID().toString();
        String slug = Slugs.of(in.name(), id);
        Instant now = clock.instant();
        Community c = new Community(id, slug, in.name(), in.description(), in.languages(), in.sectors(), in.joining(), List.of(founder), 1,
                List.of(), List.of(), now, now, demo);
        return store.claimSlug(slug, id).thenCompose(claimed -> {
            if (!claimed) {
                throw new ApiException(HttpStatus.CONFLICT, "the name " + slug + " is taken", "try again");
            }
            return store.addMember(id, founder, Community.Role.MODERATOR, now);
        }).thenCompose(v -> store.save(c)).thenApply(saved -> {
            bySlug.put(saved.slug(), saved);
            log.info("{} started community {}", founder.id(), slug);
            return saved;
        });
    }

    CommunityInput check(CommunityInput in) {
        if (in == null) {
            throw ApiException.badRequest("the body is missing", "send the community as JSON (docs/community.md, \"Communities\")");
        }
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw ApiException.badRequest("name has " + name.length() + " characters", "1 to " + MAX_NAME);
        }
        String description = in.description() == null ? "" : in.description().strip();
        if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
            throw ApiException.badRequest("description has " + description.length() + " characters", "1 to " + MAX_DESCRIPTION);
        }
        List<String> languages = CodeLists.languages(reference, "languages", in.languages());
        List<String> sectors = CodeLists.sectors(reference, "sectors", in.sectors());
        if (in.joining() == null) {
            throw ApiException.badRequest("joining is missing", "OPEN (members join at once) or REQUEST (moderators answer)");
        }
        return new CommunityInput(name, description, languages, sectors, in.joining());
    }

    /** The person's place in the community (null: none). */
    public CompletionStage<CommunityViews.MyRole> myRole(Community c, VetnetUser user) {
        if (user == null) {
            return CompletableFuture.completedFuture(null);
        }
        return store.role(c.id(), user.id()).thenCompose(role -> {
            if (role.isPresent()) {
                return CompletableFuture.completedFuture(role.get() == Community.Role.MODERATOR ? CommunityViews.MyRole.MODERATOR : CommunityViews.MyRole.MEMBER);
            }
            return store.requestOf(c.id(), user.id()).thenApply(r -> r.isPresent() ? CommunityViews.MyRole.REQUESTED : null);
        });
    }

    public CompletionStage<Map<String, Community.Role>> rolesOf(VetnetUser user) {
        return store.rolesOf(user.id());
    }

    public CompletionStage<Map<String, Community.Role>> rolesOf(String personId) {
        return store.rolesOf(personId);
    }

    /** The discussions of a community started after {@code after} (the digest lists them). Blocks: a background job's. */
    /** The discussions of {@code c} started after {@code after} and up to {@code upTo}. */
    public List<eu.vetnet.community.discussions.ThreadSummary> threadsBetween(Community c, Instant after, Instant upTo) {
        return discussions.summaries(c.id(), THREADS_READ).toCompletableFuture().join().stream()
                .filter(t -> t.createdAt().isAfter(after) && !t.createdAt().isAfter(upTo)).toList();
    }

    /** The home page; threads and pending requests for those who may see them. */
    public CompletionStage<CommunityViews.Home> home(String slug, VetnetUser user) {
        Community c = existing(slug);
        return myRole(c, user).thenCompose(role -> {
            boolean member = role == CommunityViews.MyRole.MEMBER || role == CommunityViews.MyRole.MODERATOR || isAdmin(user);
            boolean moderator = role == CommunityViews.MyRole.MODERATOR || isAdmin(user);
            CompletionStage<List<eu.vetnet.community.discussions.ThreadSummary>> threads = member
                    ? discussions.summaries(c.id(), THREADS_READ).thenApply(list -> list.stream()
                            .filter(t -> moderator || !t.hidden())
                            .map(t -> moderator ? t : t.forMember())
                            .sorted(Comparator.comparing(eu.vetnet.community.discussions.ThreadSummary::lastActivityAt).reversed())
                            .limit(CommunityViews.Home.SHOWN).toList())
                    : CompletableFuture.completedFuture(List.of());
            CompletionStage<Integer> requests = moderator && c.joining() == Community.Joining.REQUEST
                    ? store.requests(c.id(), REQUESTS_READ).thenApply(List::size) : CompletableFuture.completedFuture(0);
            return threads.thenCombine(requests, (t, n) -> CommunityViews.Home.of(c, role, t, n, clock.instant(), user != null));
        });
    }

    public CompletionStage<CommunityViews.Home> join(String slug, VetnetUser user, String message) {
        Community c = existing(slug);
        if (user.roles().isEmpty()) {
            throw ApiException.forbidden("only members of the platform join communities", "ask an administrator for a role");
        }
        String note = message == null ? "" : message.strip();
        if (note.length() > MAX_MESSAGE) {
            throw ApiException.badRequest("message has " + note.length() + " characters", "at most " + MAX_MESSAGE);
        }
        Community.Person person = new Community.Person(user.id(), user.displayName());
        return lanes.run(c.id(), () -> store.role(c.id(), user.id()).thenCompose(role -> {
            if (role.isPresent()) {
                return CompletableFuture.completedFuture(null);
            }
            if (c.joining() == Community.Joining.REQUEST) {
                return store.request(c.id(), new CassandraCommunities.Request(person, user.username(), note, clock.instant()))
                        .thenRun(() -> c.moderators().forEach(m -> notifications.notify(m.id(), Notification.Kind.JOIN_REQUEST,
                                user.displayName() + " asks to join " + c.name(), "/communities/" + c.slug(),
                                Map.of("who", user.displayName(), "community", c.name()))));
            }
            return store.addMember(c.id(), person, Community.Role.MEMBER, clock.instant()).thenCompose(v -> counted(slug, +1));
        })).thenCompose(v -> home(slug, user));
    }

    /** A request to join that is still waiting, as its sender's own data lists it. */
    public record WaitingRequest(String community, String name, String message, Instant at) {
    }

    /** The requests to join {@code user} sent that no moderator answered yet. */
    public CompletionStage<List<WaitingRequest>> waitingRequestsOf(VetnetUser user) {
        Map<String, Community> byId = new HashMap<>();
        bySlug.values().forEach(c -> byId.put(c.id(), c));
        return store.requestedBy(user.id(), REQUESTS_READ).thenCompose(ids -> BoundedReads.each(
                ids.stream().filter(byId::containsKey).toList(), id -> store.requestOf(id, user.id())
                        .thenApply(r -> r.map(req -> new WaitingRequest(byId.get(id).slug(), byId.get(id).name(), req.message(), req.at())))));
    }

    /** Adds a member directly, whatever the joining mode (demo data: the people a community starts with). */
    public CompletionStage<Void> addMember(String slug, VetnetUser user) {
        Community c = existing(slug);
        Community.Person person = new Community.Person(user.id(), user.displayName());
        return lanes.run(c.id(), () -> store.role(c.id(), user.id()).thenCompose(role -> role.isPresent()
                ? CompletableFuture.<Void>completedFuture(null)
                : store.addMember(c.id(), person, Community.Role.MEMBER, clock.instant()).thenCompose(v -> counted(slug, +1))));
    }

    public CompletionStage<CommunityViews.Home> leave(String slug, VetnetUser user) {
        Community c = existing(slug);
        if (c.moderatedBy(user.id()) && c.moderators().size() == 1) {
            throw new ApiException(HttpStatus.CONFLICT, "you are the only moderator of " + slug, "make another member moderator first");
        }
        return lanes.run(c.id(), () -> store.role(c.id(), user.id()).thenCompose(role -> {
            if (role.isEmpty()) {
                return store.dropRequest(c.id(), user.id());
            }
            return store.removeMember(c.id(), user.id()).thenCompose(v -> counted(slug, -1));
        })).thenCompose(v -> home(slug, user));
    }

    public CompletionStage<List<CassandraCommunities.Request>> requests(String slug, VetnetUser user) {
        Community c = existing(slug);
        return requireModerator(c, user).thenCompose(v -> store.requests(c.id(), REQUESTS_READ));
    }

    public CompletionStage<CommunityViews.Home> answer(String slug, VetnetUser user, String memberId, boolean accept) {
        Community c = existing(slug);
        return requireModerator(c, user).thenCompose(v -> lanes.run(c.id(), () -> store.requestOf(c.id(), memberId).thenCompose(r -> {
            if (r.isEmpty()) {
                throw ApiException.notFound("no request of " + memberId + " to join " + slug);
            }
            if (!accept) {
                return store.dropRequest(c.id(), memberId);
            }
            return store.addMember(c.id(), r.get().person(), Community.Role.MEMBER, clock.instant()).thenCompose(x -> counted(slug, +1));
        }))).thenCompose(v -> home(slug, user));
    }

    /** Links a room as one of the community's sessions (moderators). */
    public CompletionStage<CommunityViews.Home> linkSession(String slug, VetnetUser user, String roomId, String title, Instant start) {
        Community c = existing(slug);
        eu.vetnet.identity.api.RoomIds.require("roomId", roomId);
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw ApiException.badRequest("title has " + t.length() + " characters", "1 to 200");
        }
        if (start == null) {
            throw ApiException.badRequest("start is missing", "an ISO instant, e.g. 2027-01-15T14:00:00Z");
        }
        return requireModerator(c, user).thenCompose(v -> change(slug, x -> x.withSession(new Community.Session(roomId, t, start), clock.instant())))
                .thenCompose(v -> home(slug, user));
    }

    /** Links a published practice to the community (members). */
    public CompletionStage<CommunityViews.Home> linkPractice(String slug, VetnetUser user, String practiceId) {
        Community c = existing(slug);
        return requireMember(c, user).thenCompose(v -> library.read(user, practiceId)).thenCompose(p -> {
            if (!"PUBLISHED".equals(p.status())) {
                throw new ApiException(HttpStatus.CONFLICT, "practice " + practiceId + " is not published", "publish it first");
            }
            return change(slug, x -> x.withPractice(new Community.LinkedPractice(p.id(), p.slug(), p.title(), p.summary(), p.licence()), clock.instant()));
        }).thenCompose(v -> home(slug, user));
    }

    /** Fails unless the person belongs to the community (or administers the platform). */
    public CompletionStage<Community.Role> requireMember(Community c, VetnetUser user) {
        return store.role(c.id(), user.id()).thenApply(role -> {
            if (role.isPresent()) {
                return role.get();
            }
            if (isAdmin(user)) {
                return Community.Role.MODERATOR;
            }
            throw ApiException.forbidden("only members of " + c.slug() + " do this", c.joining() == Community.Joining.OPEN
                    ? "join the community first" : "ask to join the community first");
        });
    }

    public CompletionStage<Void> requireModerator(Community c, VetnetUser user) {
        return requireMember(c, user).thenAccept(role -> {
            if (role != Community.Role.MODERATOR) {
                throw ApiException.forbidden("only moderators of " + c.slug() + " do this", "ask a moderator");
            }
        });
    }

    static boolean isAdmin(VetnetUser user) {
        return user != null && user.hasRole(Role.ADMIN);
    }

    /**
     * An account deleted (docs/community.md, "Deleting an account"): the person leaves every community, moderates none
     * (a community whose only moderator this was is left to the platform's admins), and their waiting requests go.
     * Answers how many communities they left.
     */
    public CompletionStage<Integer> forget(String personId) {
        return store.rolesOf(personId).thenCompose(roles -> {
            List<Community> theirs = all().stream().filter(c -> roles.containsKey(c.id()) || c.moderatedBy(personId)).toList();
            return BoundedReads.each(theirs, c -> lanes.run(c.id(), () -> store.role(c.id(), personId).thenCompose(role -> role.isEmpty()
                            ? CompletableFuture.<Void>completedFuture(null)
                            : store.removeMember(c.id(), personId).thenCompose(v -> counted(c.slug(), -1))))
                    .thenCompose(v -> c.moderatedBy(personId) ? change(c.slug(), x -> x.withoutModerator(personId, clock.instant()))
                            : CompletableFuture.<Void>completedFuture(null))
                    .thenApply(v -> Optional.of(c.id())));
        }).thenCompose(left -> BoundedReads.drain(() -> store.requestedBy(personId, MAX_FORGOTTEN_REQUESTS),
                communityId -> store.dropRequest(communityId, personId)).thenApply(dropped -> left.size()));
    }

    /** Requests read per round when an account is deleted. */
    private static final int MAX_FORGOTTEN_REQUESTS = 500;

    private CompletionStage<Void> counted(String slug, int delta) {
        return change(slug, c -> c.withMembers(c.memberCount() + delta, clock.instant()));
    }

    /** Changes the stored community one writer at a time (the in-memory copy is the newest). */
    private CompletionStage<Void> change(String slug, java.util.function.UnaryOperator<Community> edit) {
        Community c = existing(slug);
        return lanes.run("record:" + c.id(), () -> store.save(edit.apply(existing(slug))).thenAccept(saved -> bySlug.put(saved.slug(), saved)));
    }

    /** The most recent sessions and practices a community links (for the public page and feed). */
    public static List<Community.LinkedPractice> newestPractices(Community c, int n) {
        return new ArrayList<>(c.practices().subList(0, Math.min(n, c.practices().size())));
    }
}
