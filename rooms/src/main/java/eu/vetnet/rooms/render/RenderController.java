package eu.vetnet.rooms.render;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.export.ExportController;
import eu.vetnet.rooms.history.AtParameter;
import eu.vetnet.rooms.history.PastDocuments;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A room's board and document as files (docs/rooms.md, "Renders"): {@code board.svg}, {@code board.png},
 * {@code board.pdf}, {@code notes.md}, {@code notes.html}, {@code notes.pdf}, as they are now or, with
 * {@code ?at=<instant>}, as they were then (rebuilt from the stored history). For anyone on the room's access list.
 * The state is read on the room's lane (or replayed on the history pool) into plain records, and drawn off both.
 */
@RestController
public class RenderController {

    static final String BOARD = RoomRecord.BOARD;
    static final String NOTES = RoomRecord.NOTES;
    private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);
    /** {@code ?width=}: the board as a picture that wide on screen (the history's playback), drawn as a sketch when its text is unreadable there. */
    static final int MIN_WIDTH = 100;
    static final int MAX_WIDTH = 8_000;

    private final RoomStore rooms;
    private final RoomServer server;
    private final ObjectProvider<PastDocuments> past;

    public RenderController(RoomStore rooms, RoomServer server, ObjectProvider<PastDocuments> past) {
        this.rooms = rooms;
        this.server = server;
        this.past = past;
    }

    @GetMapping("/api/rooms/{id}/export/board.{format:svg|png|pdf}")
    public Mono<ResponseEntity<byte[]>> board(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String format,
            @RequestParam(required = false) String at, @RequestParam(required = false) Integer width) {
        Instant when = AtParameter.optional(at);
        if (width != null && (width < MIN_WIDTH || width > MAX_WIDTH || !format.equals("svg"))) {
            throw ApiException.badRequest("'width' is the SVG's width on screen, " + MIN_WIDTH + " to " + MAX_WIDTH + " pixels",
                    "leave it out for the full drawing");
        }
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt)).flatMap(room -> read(room, BOARD, when, RenderController::board)
                .publishOn(Schedulers.boundedElastic())
                .map(board -> {
                    String svg = width == null ? SvgCanvas.render(board) : SvgCanvas.render(board, width);
                    return switch (format) {
                        case "svg" -> file(room, "board.svg", SVG, svg.getBytes(StandardCharsets.UTF_8));
                        case "png" -> file(room, "board.png", MediaType.IMAGE_PNG, BoardPng.render(board, svg));
                        default -> file(room, "board.pdf", MediaType.APPLICATION_PDF, PdfCanvas.render(board));
                    };
                }));
    }

    @GetMapping("/api/rooms/{id}/export/notes.{format:md|html|pdf}")
    public Mono<ResponseEntity<byte[]>> notes(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String format,
            @RequestParam(required = false) String at, @RequestParam(required = false) String lang) {
        Instant when = AtParameter.optional(at);
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt)).flatMap(room -> read(room, NOTES, when, RenderController::notes)
                .publishOn(Schedulers.boundedElastic())
                .map(nodes -> switch (format) {
                    case "md" -> file(room, "notes.md", MARKDOWN,
                            ("# " + room.title() + "\n\n" + NotesMarkdown.render(nodes)).getBytes(StandardCharsets.UTF_8));
                    case "html" -> file(room, "notes.html", HTML,
                            NotesHtml.page(room.title(), language(lang), nodes).getBytes(StandardCharsets.UTF_8));
                    default -> file(room, "notes.pdf", MediaType.APPLICATION_PDF, NotesPdf.render(room.title(), nodes));
                }));
    }

    /**
     * The text of each top-level block of the document (paragraph, heading, list, table), in order, now or at
     * {@code ?at=}: what the history page compares to offer back a deleted paragraph by its place
     * ({@code POST /restorations {block}}).
     */
    @GetMapping("/api/rooms/{id}/notes/blocks")
    public Mono<List<String>> blocks(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestParam(required = false) String at) {
        Instant when = AtParameter.optional(at);
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt)).flatMap(room -> read(room, NOTES, when, RenderController::notes))
                .map(nodes -> nodes.stream().map(n -> NotesTree.plain(List.of(n)).strip()).toList());
    }

    /** The document read into plain records: now from the open room, or then from the history. */
    private <T> Mono<T> read(RoomRecord room, String document, Instant at, Function<YDoc, T> extract) {
        if (!room.documents().contains(document)) {
            return Mono.error(ApiException.notFound("room " + room.id() + " has no document " + document, "its documents are " + room.documents()));
        }
        if (at == null) {
            return Mono.fromCompletionStage(() -> server.hold(room.id(), open -> open.read(List.of(document), docs -> extract.apply(docs.get(document)))));
        }
        PastDocuments history = AtParameter.history(past, "no past state can be drawn (leave 'at' out for the room as it is now)");
        return Mono.fromCompletionStage(() -> history.at(room.id(), document, at).thenApply(extract));
    }

    static Board board(YDoc doc) {
        return Board.of(boardObjects(doc));
    }

    /** The board's objects as plain data, read on the room's lane (or from a past state). */
    private static Map<?, ?> boardObjects(YDoc doc) {
        try {
            return (Map<?, ?>) doc.getMap("objects").toJson();
        } catch (RuntimeException notAMap) {
            // A root another writer made something else: nothing to draw (the rules keep it a map).
            return Map.of();
        }
    }

    /** The document's blocks as plain records, read on the room's lane (or from a past state). */
    public static List<NotesTree.Node> notes(YDoc doc) {
        try {
            return NotesTree.read(doc.getXmlFragment(NotesTree.FRAGMENT));
        } catch (RuntimeException notXml) {
            return List.of();
        }
    }

    private static ResponseEntity<byte[]> file(RoomRecord room, String name, MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ExportController.slug(room.title()) + "-" + name + "\"")
                .body(body);
    }

    private static String language(String lang) {
        return lang != null && lang.matches("[a-z]{2}") ? lang : "en";
    }
}
