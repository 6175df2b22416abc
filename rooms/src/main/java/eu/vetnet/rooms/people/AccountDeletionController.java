package eu.vetnet.rooms.people;

import eu.vetnet.identity.account.Pseudonym;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.access.AccessRequests;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.followup.Inbox;
import eu.vetnet.rooms.history.SessionEvents;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.room.AccessChanges;
import eu.vetnet.rooms.room.AccessList;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomStore;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code DELETE /api/rooms/people/me?confirm={username}&pseudonym={name}}: the room server's part of deleting an account
 * (docs/rooms.md, "Deleting an account"). In every room the person's name becomes the pseudonym the community server
 * gave them: in the names directory (boards and documents hold authors by id and read names from it), in the joins and
 * leaves of its history, and in their requests for access. They leave every access list but as owner; their
 * notifications and e-mail address go. Idempotent: asking again renames nothing more.
 */
@RestController
public class AccountDeletionController {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletionController.class);
    /** Rooms handled at once. */
    private static final int AT_ONCE = 16;

    /**
     * What was done: how many rooms' names directories now name the pseudonym, how many history events were renamed,
     * how many access lists lost the person, and the rooms they still own.
     */
    public record Forgotten(String pseudonym, int renamedIn, int eventsRenamed, int removedFrom, List<String> stillOwned) {
    }

    private final RoomStore rooms;
    private final RoomServer server;
    private final RoomPeople people;
    private final AccessRequests requests;
    private final Inbox inbox;
    /** Present when the history is in Cassandra (vetnet.history.store); in memory there are no joins kept to rename. */
    private final SessionEvents events;

    public AccountDeletionController(RoomStore rooms, RoomServer server, RoomPeople people, AccessRequests requests, Inbox inbox,
            ObjectProvider<SessionEvents> events) {
        this.rooms = rooms;
        this.server = server;
        this.people = people;
        this.requests = requests;
        this.inbox = inbox;
        this.events = events.getIfAvailable();
    }

    @DeleteMapping("/api/rooms/people/me")
    public Mono<Forgotten> delete(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String confirm,
            @RequestParam(required = false) String pseudonym) {
        RoomUser user = JwtUsers.toUser(jwt);
        if (confirm == null || !confirm.equalsIgnoreCase(user.username())) {
            throw ApiException.badRequest("the deletion was not confirmed", "send confirm=" + user.username() + " (your username)");
        }
        if (pseudonym == null || !Pseudonym.NAME.matcher(pseudonym).matches()) {
            throw ApiException.badRequest("no pseudonym, or not one: " + pseudonym,
                    "delete your community data first (DELETE /api/community/me) and send the pseudonym it answers");
        }
        return Mono.fromCompletionStage(rooms::list).flatMapMany(Flux::fromIterable)
                .flatMap(room -> forget(room, user, pseudonym), AT_ONCE)
                .collectList()
                .flatMap(results -> Mono.fromCompletionStage(() -> inbox.forget(user.id())).thenReturn(results))
                .map(results -> new Forgotten(pseudonym, (int) results.stream().filter(Result::renamed).count(),
                        results.stream().mapToInt(Result::events).sum(), (int) results.stream().filter(Result::removed).count(),
                        results.stream().filter(Result::owned).map(Result::room).toList()))
                .doOnNext(f -> log.info("account {} deleted on the room server: named {} in {} rooms and {} history events, off {} access lists,"
                        + " still owner of {}", user.id(), pseudonym, f.renamedIn(), f.eventsRenamed(), f.removedFrom(), f.stillOwned().size()));
    }

    private record Result(String room, boolean renamed, int events, boolean removed, boolean owned) {
    }

    private Mono<Result> forget(RoomRecord room, RoomUser user, String pseudonym) {
        AccessList without = room.access().without(user.id(), user.username());
        Mono<Boolean> removed = without.equals(room.access()) ? Mono.just(false)
                : AccessChanges.save(rooms, server, room.withAccess(without)).thenReturn(true);
        // Only a room they joined has their name and their joins and leaves: the history of the others is not read.
        Mono<int[]> joined = Mono.fromCompletionStage(() -> people.names(room.id(), Set.of(user.id()))).flatMap(names -> {
            if (!names.containsKey(user.id())) {
                return Mono.just(new int[] {0, 0});
            }
            Mono<Integer> renamed = pseudonym.equals(names.get(user.id())) ? Mono.just(0)
                    : Mono.fromCompletionStage(() -> people.remember(room.id(), new RoomPeople.Person(user.id(), pseudonym))).thenReturn(1);
            Mono<Integer> history = events == null ? Mono.just(0)
                    : Mono.fromCompletionStage(() -> events.rename(room.id(), user.id(), pseudonym));
            return Mono.zip(renamed, history).map(t -> new int[] {t.getT1(), t.getT2()});
        });
        Mono<Boolean> request = Mono.fromCompletionStage(() -> requests.find(room.id(), user.id()))
                .flatMap(found -> found.filter(r -> !pseudonym.equals(r.name()))
                        .map(r -> Mono.fromCompletionStage(() -> requests.save(new AccessRequests.Request(r.room(), r.userId(), pseudonym, pseudonym,
                                r.requestedAt(), r.status()))).thenReturn(true))
                        .orElse(Mono.just(false)));
        return Mono.zip(joined, removed, request)
                .map(t -> new Result(room.id(), t.getT1()[0] == 1, t.getT1()[1], t.getT2(), user.id().equals(room.access().owner())));
    }
}
