package eu.vetnet.rooms.followup;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.opinion.Statements;
import eu.vetnet.rooms.people.RoomPeople;
import eu.vetnet.rooms.policy.Policies;
import eu.vetnet.rooms.room.AccessChanges;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Follow-up that can be traced (docs/dialogue.md, "Follow-up"): a facilitator turns a session's output into a
 * proposal to a policymaker, with the statements and votes behind it; the policymaker answers and updates its status
 * over time; everyone who took part is told each time, in the app and by e-mail; the facilitator publishes it for the
 * public tracking page. Every act is logged.
 */
@RestController
public class ProposalController {

    private static final Logger log = LoggerFactory.getLogger(ProposalController.class);
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4000;
    static final int MAX_STATEMENTS = 50;

    public record NewProposal(String title, String text, String addressee, List<String> statements) {
    }

    public record NewAnswer(Proposal.Status status, String text, String actions) {
    }

    public record Publication(Boolean published) {
    }

    private final RoomStore rooms;
    private final RoomServer server;
    private final RoomPeople people;
    private final ProposalStore proposals;
    private final FollowUpNotifier notifier;

    public ProposalController(RoomStore rooms, RoomServer server, RoomPeople people, ProposalStore proposals, FollowUpNotifier notifier) {
        this.rooms = rooms;
        this.server = server;
        this.people = people;
        this.proposals = proposals;
        this.notifier = notifier;
    }

    @PostMapping("/api/rooms/{id}/proposals")
    public Mono<Proposal> propose(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody(required = false) NewProposal body) {
        RoomUser user = JwtUsers.toUser(jwt);
        String title = required(body == null ? null : body.title(), "title", MAX_TITLE);
        String text = optional(body.text(), "text", MAX_TEXT);
        String addressee = required(body.addressee(), "addressee", MAX_TITLE);
        List<String> statements = body.statements() == null ? List.of() : body.statements();
        if (statements.size() > MAX_STATEMENTS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, statements.size() + " statements; at most " + MAX_STATEMENTS, "pick the statements behind it");
        }
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireFacilitatorChange(room, user, "its follow-up");
            return Mono.fromCompletionStage(() -> people.list(room.id())).flatMap(list -> {
                RoomPeople.Person to = list.stream().filter(p -> p.id().equals(addressee)).findFirst().orElseThrow(() ->
                        new ApiException(HttpStatus.BAD_REQUEST, "the addressee " + addressee + " did not take part in room " + room.id(),
                                "address the proposal to a policymaker who took part (their user id)"));
                Set<String> participants = new LinkedHashSet<>();
                list.forEach(p -> participants.add(p.id()));
                return Mono.fromCompletionStage(() -> server.hold(room.id(), open -> open.read(List.of(RoomKind.VOICE_DOCUMENT),
                                docs -> evidence(docs.get(RoomKind.VOICE_DOCUMENT), statements))))
                        .map(evidence -> new Proposal(UUID.randomUUID().toString(), room.id(), room.title(), title, text, to.id(),
                                to.name(), evidence, Proposal.Status.OPEN, List.of(), false, List.copyOf(participants), user.id(), Instant.now()));
            }).flatMap(p -> Mono.fromCompletionStage(() -> proposals.save(p))).flatMap(p -> changed(p).thenReturn(p))
                    .flatMap(p -> notifier.tell(p.participants(), "VET-NET: a proposal from " + room.title(),
                            "“" + p.title() + "” goes from " + room.title() + " to " + p.addresseeName() + ".", "/rooms/" + room.id())
                            .thenReturn(p));
        }).doOnNext(p -> log.info("{} proposed {} in room {} to {}", user.id(), p.id(), id, p.addressee()));
    }

    @GetMapping("/api/rooms/{id}/proposals")
    public Mono<List<Proposal>> ofRoom(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt))
                .flatMap(room -> Mono.fromCompletionStage(() -> proposals.ofRoom(room.id())));
    }

    @GetMapping("/api/proposals/mine")
    public Mono<List<Proposal>> mine(@AuthenticationPrincipal Jwt jwt) {
        return Mono.fromCompletionStage(() -> proposals.addressedTo(JwtUsers.toUser(jwt).id()));
    }

    @PostMapping("/api/proposals/{pid}/answers")
    public Mono<Proposal> answer(@AuthenticationPrincipal Jwt jwt, @PathVariable String pid, @RequestBody(required = false) NewAnswer body) {
        RoomUser user = JwtUsers.toUser(jwt);
        if (body == null || body.status() == null || body.status() == Proposal.Status.OPEN) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "an answer needs a status", "ACCEPTED, PARTLY_ACCEPTED, NOT_ACCEPTED, IN_PROGRESS or DONE");
        }
        String text = required(body.text(), "text", MAX_TEXT);
        String actions = optional(body.actions(), "actions", MAX_TEXT);
        return found(pid).flatMap(p -> {
            if (!p.addressee().equals(user.id())) {
                throw new ApiException(HttpStatus.FORBIDDEN, "only " + p.addresseeName() + ", to whom it is addressed, answers this proposal",
                        "ask them to answer it");
            }
            Proposal answered = p.answered(new Proposal.Answer(body.status(), text, actions, user.id(), user.name(), Instant.now()));
            return Mono.fromCompletionStage(() -> proposals.save(answered)).flatMap(saved -> changed(saved).thenReturn(saved))
                    .flatMap(saved -> notifier.tell(saved.participants(), "VET-NET: " + user.name() + " answered “" + saved.title() + "”",
                            user.name() + " answered “" + saved.title() + "” (" + saved.roomTitle() + "): "
                                    + label(body.status()) + ". " + text + (actions.isEmpty() ? "" : "\nPlanned actions: " + actions),
                            "/rooms/" + saved.room()).thenReturn(saved));
        }).doOnNext(p -> log.info("{} answered proposal {}: {}", user.id(), pid, body.status()));
    }

    @PostMapping("/api/proposals/{pid}/publication")
    public Mono<Proposal> publish(@AuthenticationPrincipal Jwt jwt, @PathVariable String pid, @RequestBody(required = false) Publication body) {
        RoomUser user = JwtUsers.toUser(jwt);
        boolean published = body != null && Boolean.TRUE.equals(body.published());
        return found(pid).flatMap(p -> RoomReads.existing(rooms, p.room()).flatMap(room -> {
            AccessChanges.requireFacilitator(room, user);
            return Mono.fromCompletionStage(() -> proposals.save(p.withPublished(published))).flatMap(saved -> changed(saved).thenReturn(saved));
        })).doOnNext(p -> log.info("{} {} proposal {}", user.id(), published ? "published" : "withdrew", pid));
    }

    /**
     * Tells the room's apps that its proposals changed ({@code workshop/proposalsChanged}, a time), so they read them
     * again at once. Only where the room is open on this server (answers may reach another one; their apps then read
     * again on their own, slowly): a signal, never the proposals themselves, which stay in the store.
     */
    private Mono<Void> changed(Proposal p) {
        var open = server.openRoom(p.room());
        if (open == null) {
            return Mono.empty();
        }
        return Mono.fromCompletionStage(() -> open.serverEdit(List.of(RoomKind.VOICE_DOCUMENT), docs -> {
            docs.get(RoomKind.VOICE_DOCUMENT).getMap("workshop").set(CHANGED, System.currentTimeMillis());
            return Boolean.TRUE;
        })).then();
    }

    static final String CHANGED = "proposalsChanged";

    private Mono<Proposal> found(String pid) {
        return Mono.fromCompletionStage(() -> proposals.find(pid))
                .switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.NOT_FOUND, "no proposal " + pid, "check the link")));
    }

    /** The chosen statements with their votes now, read from the room's workshop document. */
    static List<Proposal.Evidence> evidence(YDoc workshop, List<String> ids) {
        List<Proposal.Evidence> out = new ArrayList<>();
        YMap all = Policies.rootMap(workshop, Statements.ROOT);
        for (String id : ids) {
            if (all != null && all.get(id) instanceof YMap s) {
                int[] counts = new int[3];
                if (s.get("votes") instanceof YMap votes) {
                    votes.entries().values().forEach(v -> {
                        if (v instanceof Number n) {
                            counts[n.intValue() > 0 ? 0 : n.intValue() < 0 ? 1 : 2]++;
                        }
                    });
                }
                out.add(new Proposal.Evidence(id, String.valueOf(s.get("text")), counts[0], counts[1], counts[2]));
            } else {
                throw new ApiException(HttpStatus.BAD_REQUEST, "room has no statement " + id, "pick statements of this session");
            }
        }
        return out;
    }

    static String label(Proposal.Status status) {
        return switch (status) {
            case OPEN -> "open";
            case ACCEPTED -> "accepted";
            case PARTLY_ACCEPTED -> "partly accepted";
            case NOT_ACCEPTED -> "not accepted";
            case IN_PROGRESS -> "in progress";
            case DONE -> "done";
        };
    }

    private static String required(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new ApiException(HttpStatus.BAD_REQUEST, field + " must be 1 to " + max + " characters", "fill in the " + field);
        }
        return v;
    }

    private static String optional(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new ApiException(HttpStatus.BAD_REQUEST, field + " must be at most " + max + " characters", "shorten the " + field);
        }
        return v;
    }
}
