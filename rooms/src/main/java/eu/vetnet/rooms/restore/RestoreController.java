package eu.vetnet.rooms.restore;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YXmlFragment;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.breakouts.BoardCopy;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.history.AtParameter;
import eu.vetnet.rooms.history.PastDocuments;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.room.AccessChanges;
import eu.vetnet.rooms.room.AccessList;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomStore;
import eu.vetnet.rooms.render.NotesTree;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Getting the past back (docs/rooms.md, "Restoring"), for a room's facilitators: a new room started from the board
 * and document as they were at an instant, the original untouched ({@code POST /api/rooms/{id}/copies}); or one board
 * object, or one block of the document, put back into the live room from an instant when it was there
 * ({@code POST /api/rooms/{id}/restorations}). The past is rebuilt from the stored history; what is written goes in
 * as a server edit, broadcast to everyone in the room like any change.
 */
@RestController
public class RestoreController {

    private static final Logger log = LoggerFactory.getLogger(RestoreController.class);
    static final String BOARD = RoomRecord.BOARD;
    static final String NOTES = RoomRecord.NOTES;

    public record CopyRequest(String at, String title) {
    }

    public record Copy(String id, String title, String from, String at) {
    }

    /** One of objectId (a board object) or block (the index of a top-level block of the document then). */
    public record RestoreRequest(String at, String objectId, Integer block) {
    }

    public record Restored(String what, String at) {
    }

    private final RoomStore rooms;
    private final RoomServer server;
    private final ObjectProvider<PastDocuments> past;

    public RestoreController(RoomStore rooms, RoomServer server, ObjectProvider<PastDocuments> past) {
        this.rooms = rooms;
        this.server = server;
        this.past = past;
    }

    @PostMapping("/api/rooms/{id}/copies")
    public Mono<ResponseEntity<Copy>> copy(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody CopyRequest body) {
        RoomUser user = JwtUsers.toUser(jwt);
        Instant at = AtParameter.required(body == null ? null : body.at());
        if (!user.hasRole("facilitator") && !user.hasRole("admin")) {
            throw ApiException.forbidden("only facilitators and admins create rooms", "ask a facilitator of the room to start the copy");
        }
        PastDocuments history = AtParameter.history(past, "there is no past to restore");
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireFacilitator(room, user);
            String title = body.title() == null || body.title().isBlank() ? room.title() + " (" + at.toString().substring(0, 16).replace('T', ' ') + " UTC)"
                    : body.title().strip();
            if (title.length() > 200) {
                throw ApiException.badRequest("a room's title has at most 200 characters", "shorten it");
            }
            return Mono.fromCompletionStage(() -> history.at(room.id(), BOARD, at)
                    .thenCombine(history.at(room.id(), NOTES, at), (board, notes) -> new Then(board, NotesTree.read(notes.getXmlFragment(NotesTree.FRAGMENT)))))
                    .flatMap(then -> {
                        RoomRecord copy = new RoomRecord(UUID.randomUUID().toString(), title, room.kind(), copiedAccess(room, user),
                                RoomRecord.DEFAULT_DOCUMENTS, List.of(), false, Instant.now(), null, user.name());
                        return Mono.fromCompletionStage(() -> rooms.save(copy))
                                .then(Mono.fromCompletionStage(() -> server.hold(copy.id(), open -> open.serverEdit(List.of(BOARD, NOTES), docs -> {
                                    YMap from = then.board().getMap("objects");
                                    YMap to = docs.get(BOARD).getMap("objects");
                                    new ArrayList<>(from.entries().entrySet()).forEach(e -> {
                                        if (e.getValue() instanceof YMap object) {
                                            BoardCopy.put(to, e.getKey(), object, Map.of());
                                        }
                                    });
                                    NotesTree.write(then.notes(), docs.get(NOTES).getXmlFragment(NotesTree.FRAGMENT), 0);
                                    return copy;
                                }))));
                    })
                    .doOnNext(copy -> log.info("{} started room {} from room {} as of {}", user.id(), copy.id(), room.id(), at))
                    .map(copy -> ResponseEntity.status(HttpStatus.CREATED).body(new Copy(copy.id(), copy.title(), room.id(), at.toString())));
        });
    }

    @PostMapping("/api/rooms/{id}/restorations")
    public Mono<Restored> restore(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody RestoreRequest body) {
        RoomUser user = JwtUsers.toUser(jwt);
        Instant at = AtParameter.required(body == null ? null : body.at());
        boolean object = body.objectId() != null && !body.objectId().isBlank();
        if (object == (body.block() != null)) {
            throw ApiException.badRequest("say what to restore: one board object or one block of the document",
                    "send {\"at\": ..., \"objectId\": \"...\"} or {\"at\": ..., \"block\": 3}");
        }
        PastDocuments history = AtParameter.history(past, "there is no past to restore");
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireNotArchived(room, "its board or document");
            AccessChanges.requireFacilitator(room, user);
            String document = object ? BOARD : NOTES;
            return Mono.fromCompletionStage(() -> history.at(room.id(), document, at)).flatMap(then -> Mono.fromCompletionStage(() ->
                    server.hold(room.id(), open -> open.serverEdit(List.of(document), docs -> object
                            ? restoreObject(then, docs.get(BOARD), body.objectId())
                            : restoreBlock(then, docs.get(NOTES), body.block())))));
        }).doOnNext(r -> log.info("{} restored {} in room {} as of {}", user.id(), r.what(), id, at))
                .map(what -> new Restored(what.what(), at.toString()));
    }

    private record Then(YDoc board, List<NotesTree.Node> notes) {
    }

    private static Restored restoreObject(YDoc then, YDoc now, String objectId) {
        if (!(then.getMap("objects").get(objectId) instanceof YMap past)) {
            throw ApiException.notFound("the board had no object " + objectId + " then", "pick an instant when it was on the board");
        }
        YMap objects = now.getMap("objects");
        if (objects.get(objectId) != null) {
            throw ApiException.conflict("object " + objectId + " is on the board now", "only what was deleted is restored");
        }
        BoardCopy.put(objects, objectId, past, Map.of());
        return new Restored("object " + objectId, null);
    }

    private static Restored restoreBlock(YDoc then, YDoc now, int block) {
        List<NotesTree.Node> blocks = NotesTree.read(then.getXmlFragment(NotesTree.FRAGMENT));
        if (block < 0 || block >= blocks.size()) {
            throw ApiException.notFound("the document had no block " + block + " then (it had " + blocks.size() + ")",
                    "count the document's paragraphs, headings, lists and tables from 0");
        }
        YXmlFragment live = now.getXmlFragment(NotesTree.FRAGMENT);
        // Where it was, or at the end when the document is shorter now.
        NotesTree.write(List.of(blocks.get(block)), live, Math.min(block, live.length()));
        return new Restored("block " + block, null);
    }

    /** The original's people, the one who copies it as owner and its owner as a facilitator. */
    private static AccessList copiedAccess(RoomRecord room, RoomUser user) {
        Set<String> facilitators = new LinkedHashSet<>(room.access().facilitators());
        if (room.access().owner() != null && !room.access().owner().equals(user.id())) {
            facilitators.add(room.access().owner());
        }
        facilitators.remove(user.id());
        facilitators.remove(user.username());
        return new AccessList(user.id(), List.copyOf(facilitators), room.access().participants(), room.access().observers());
    }
}
