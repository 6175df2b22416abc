package eu.vetnet.community.counselling;

import eu.vetnet.community.library.Library;
import eu.vetnet.community.library.Practice;
import eu.vetnet.community.library.PracticeContent;
import eu.vetnet.community.library.PracticeRules;
import eu.vetnet.community.library.PracticeView;
import eu.vetnet.community.notifications.Notification;
import eu.vetnet.community.notifications.Notifications;
import eu.vetnet.community.people.People;
import eu.vetnet.community.people.Profile;
import eu.vetnet.community.storage.BoundedReads;
import eu.vetnet.community.storage.CassandraCases;
import eu.vetnet.community.storage.WriteLanes;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.account.Pseudonym;
import eu.vetnet.identity.api.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Peer counselling (docs/community.md, "Peer counselling"): a member describes a real case, VET-NET suggests peers
 * and says why, the member invites some (e-mail with a calendar invitation), they accept or decline, everyone meets
 * in a peer-counselling room, the outcome is recorded and can become a practice of the library. Only the member and
 * the invited peers see a case.
 */
public final class Counselling {

    private static final Logger log = LoggerFactory.getLogger(Counselling.class);
    static final int MAX_MINE = 200;

    private final CassandraCases store;
    private final People people;
    private final PeerMatching matching;
    private final CaseRules rules;
    private final PracticeRules practiceRules;
    private final Library library;
    private final CounsellingMail mail;
    private final Notifications notifications;
    private final Clock clock;
    private final WriteLanes lanes = new WriteLanes();

    public Counselling(CassandraCases store, People people, PeerMatching matching, CaseRules rules, PracticeRules practiceRules,
            Library library, CounsellingMail mail, Notifications notifications, Clock clock) {
        this.store = store;
        this.people = people;
        this.matching = matching;
        this.rules = rules;
        this.practiceRules = practiceRules;
        this.library = library;
        this.mail = mail;
        this.notifications = notifications;
        this.clock = clock;
    }

    public CompletionStage<CounsellingCase> create(VetnetUser user, CaseInput input) {
        CaseInput in = rules.check(input);
        Instant now = clock.instant();
        CounsellingCase c = new CounsellingCase(UUID.randomUUID().toString(), in.title(), in.challenge(), in.sector(), in.country(),
                in.region(), in.topics(), in.language(), in.organisationType(), person(user), user.organisation(),
                CounsellingCase.Status.OPEN, null, List.of(), null, null, null, now, now);
        // The member's profile follows their sign-in (their address is where answers go).
        return people.me(user).thenCompose(p -> store.save(c, List.of(user.id()))).thenApply(saved -> {
            log.info("{} described case {}", user.id(), saved.id());
            return saved;
        });
    }

    /** A case for the member who asked and the peers invited; 404 for everyone else (its existence is theirs too). */
    public CompletionStage<CounsellingCase> read(VetnetUser user, String id) {
        return store.find(id).thenApply(found -> found.filter(c -> c.asks(user.id()) || c.invites(user.id()))
                .orElseThrow(() -> ApiException.notFound("no case " + id + " of yours")));
    }

    public CompletionStage<List<CounsellingCase>> mine(VetnetUser user) {
        return store.byPerson(user.id(), MAX_MINE).thenApply(list -> list.stream()
                .sorted((a, b) -> b.updatedAt().compareTo(a.updatedAt())).toList());
    }

    /**
     * An account deleted (docs/community.md, "Deleting an account"): the cases the person asked, and their invitations
     * to others' cases, stay with {@code as} in their place (the advice given is shared work). Answers how many cases.
     */
    public CompletionStage<Integer> forget(String personId, Pseudonym as) {
        CounsellingCase.Person by = new CounsellingCase.Person(as.id(), as.name(), as.id());
        return BoundedReads.drain(() -> store.byPerson(personId, MAX_MINE), c -> lanes.run(c.id(), () -> store.find(c.id())
                .thenCompose(found -> found.map(current -> store.save(current.withPersonReplaced(personId, by), List.of()).thenApply(x -> (Object) x))
                        .orElse(java.util.concurrent.CompletableFuture.completedFuture(null)))
                .thenCompose(x -> store.forgetPerson(personId, c.id()))));
    }

    public CompletionStage<List<PeerMatching.Suggestion>> suggestions(VetnetUser user, String id) {
        return authored(user, id).thenApply(c -> matching.suggest(c, people.directory().all()));
    }

    /** Invites peers to a meeting; each newly invited one with an address gets the e-mail and the calendar invitation. */
    public CompletionStage<CounsellingCase> invite(VetnetUser user, String id, List<String> peerIds, Instant start, Integer minutes, String message) {
        CounsellingCase.Meeting meeting = rules.meeting(start, minutes, message, clock.instant());
        List<String> ids = peerIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(peerIds));
        if (ids.isEmpty()) {
            throw ApiException.badRequest("peers is empty", "name at least one peer by id (from the suggestions or the directory)");
        }
        List<CounsellingCase.Person> peers = new ArrayList<>();
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String peerId : ids) {
            Profile p = people.directory().get(peerId).orElseThrow(() -> ApiException.badRequest("peer " + peerId + " is not a member the community knows",
                    "invite people from the suggestions or the directory"));
            if (p.id().equals(user.id())) {
                throw ApiException.badRequest("you cannot invite yourself", "invite peers");
            }
            peers.add(new CounsellingCase.Person(p.id(), p.displayName(), p.username()));
            if (p.email() != null && !p.email().isBlank() && p.wantsInvitationEmails()) {
                addresses.put(p.id(), p.email());
            }
        }
        return lanes.run(id, () -> authored(user, id).thenCompose(c -> {
            if (c.status() == CounsellingCase.Status.CLOSED) {
                throw new ApiException(HttpStatus.CONFLICT, "case " + id + " is closed", "describe a new case");
            }
            if (c.invitations().size() + peers.stream().filter(p -> !c.invites(p.id())).count() > CaseRules.MAX_INVITED) {
                throw ApiException.badRequest("a case invites at most " + CaseRules.MAX_INVITED + " peers", "invite fewer");
            }
            List<String> fresh = peers.stream().map(CounsellingCase.Person::id).filter(p -> !c.invites(p)).toList();
            CounsellingCase next = c.invited(peers, meeting, clock.instant());
            return store.save(next, fresh).thenApply(saved -> {
                Map<String, String> to = new LinkedHashMap<>(addresses);
                to.keySet().retainAll(fresh);
                mail.invite(saved, people.directory().get(user.id()).map(Profile::email).orElse(user.email()), to);
                fresh.forEach(peer -> notifications.notify(peer, Notification.Kind.INVITATION,
                        user.displayName() + " invites you to counsel on a case: " + saved.title(), "/counselling/" + saved.id(),
                        Map.of("who", user.displayName(), "title", saved.title())));
                log.info("{} invited {} peer(s) to case {}", user.id(), fresh.size(), id);
                return saved;
            });
        }));
    }

    public CompletionStage<CounsellingCase> answer(VetnetUser user, String id, CounsellingCase.Answer answer) {
        if (answer == null || answer == CounsellingCase.Answer.PENDING) {
            throw ApiException.badRequest("answer is " + answer, "ACCEPTED or DECLINED");
        }
        return lanes.run(id, () -> read(user, id).thenCompose(c -> {
            if (!c.invites(user.id())) {
                throw ApiException.forbidden("only invited peers answer an invitation", "the member who asked sees the answers");
            }
            return store.save(c.answered(user.id(), answer, clock.instant()), List.of()).thenApply(saved -> {
                notifications.notify(saved.author().id(), Notification.Kind.ANSWER, user.displayName()
                        + (answer == CounsellingCase.Answer.ACCEPTED ? " accepted" : " declined") + " your invitation to counsel on: " + saved.title(),
                        "/counselling/" + saved.id(), Map.of("who", user.displayName(), "title", saved.title(), "answer", answer.name()));
                return saved;
            });
        }));
    }

    public CompletionStage<CounsellingCase> room(VetnetUser user, String id, String roomId) {
        String room = eu.vetnet.identity.api.RoomIds.require("roomId", roomId);
        return lanes.run(id, () -> authored(user, id).thenCompose(c -> store.save(c.inRoom(room, clock.instant()), List.of())));
    }

    public CompletionStage<CounsellingCase> outcome(VetnetUser user, String id, String advice, String nextSteps) {
        CounsellingCase.Outcome outcome = rules.outcome(advice, nextSteps, clock.instant());
        return lanes.run(id, () -> authored(user, id).thenCompose(c -> store.save(c.closedWith(outcome, clock.instant()), List.of())));
    }

    /** A draft practice of the member's, from the case and its outcome, to edit and publish in the library. */
    public CompletionStage<PracticeView> toPractice(VetnetUser user, String id, String organisationType) {
        return lanes.run(id, () -> authored(user, id).thenCompose(c -> {
            if (c.outcome() == null) {
                throw new ApiException(HttpStatus.CONFLICT, "case " + id + " has no outcome yet", "record the advice first (PUT .../outcome)");
            }
            if (c.practiceId() != null) {
                throw new ApiException(HttpStatus.CONFLICT, "case " + id + " already became practice " + c.practiceId(), "edit that practice in the library");
            }
            String type = organisationType != null && !organisationType.isBlank() ? organisationType : c.organisationType();
            if (type == null) {
                throw ApiException.badRequest("the practice needs an organisation type", "send {\"organisationType\": \"SME_ASSOCIATION\"} or describe it on the case");
            }
            List<PracticeContent.Link> links = c.roomId() == null ? List.of()
                    : List.of(new PracticeContent.Link("Peer counselling room", "/rooms/" + c.roomId()));
            long peers = c.invitations().stream().filter(i -> i.status() == CounsellingCase.Answer.ACCEPTED).count();
            String summary = c.outcome().advice().length() > 600 ? c.outcome().advice().substring(0, 597) + "..." : c.outcome().advice();
            PracticeContent content = practiceRules.check(new PracticeContent(c.title(), summary, c.challenge(),
                    "Peer counselling with " + peers + " peer(s) of the Community of VET's Practices.\n\n" + c.outcome().advice(),
                    c.outcome().nextSteps(), "", c.sector(), null, c.country(), c.region(), c.language(),
                    c.organisation() == null || c.organisation().isBlank() ? c.author().name() : c.organisation(), type, links));
            return library.create(content, new Practice.Author(user.id(), user.displayName()), false)
                    .thenCompose(practice -> store.save(c.becamePractice(practice.id(), clock.instant()), List.of()).thenApply(saved -> practice));
        }));
    }

    private CompletionStage<CounsellingCase> authored(VetnetUser user, String id) {
        return read(user, id).thenApply(c -> {
            if (!c.asks(user.id())) {
                throw ApiException.forbidden("only the member who asked for counsel does this on case " + id, "ask them");
            }
            return c;
        });
    }

    private static CounsellingCase.Person person(VetnetUser user) {
        return new CounsellingCase.Person(user.id(), user.displayName(), user.username());
    }
}
