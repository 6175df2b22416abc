package eu.vetnet.rooms.export;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.identity.api.Csv;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.people.RoomPeople;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/rooms/{id}/export/{dataset}.{csv|json}}: a room's notes, questions, answers, statements or poll
 * results as a file (docs/rooms.md, "Exports"), for anyone on its access list. Read from the room as it is now,
 * loaded from storage when nobody is in it.
 */
@RestController
public class ExportController {

    static final String BOARD = RoomRecord.BOARD;
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final RoomStore rooms;
    private final RoomServer server;
    private final RoomPeople people;

    public ExportController(RoomStore rooms, RoomServer server, RoomPeople people) {
        this.rooms = rooms;
        this.server = server;
        this.people = people;
    }

    @GetMapping("/api/rooms/{id}/export/{file:.+}")
    public Mono<ResponseEntity<Object>> export(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String file) {
        int dot = file.lastIndexOf('.');
        String dataset = dot < 0 ? file : file.substring(0, dot);
        String format = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!RoomData.DATASETS.contains(dataset) || !(format.equals("csv") || format.equals("json"))) {
            throw ApiException.notFound("no export " + file, "ask for one of attendance.csv or attendance.json, " + RoomData.DATASETS.stream()
                    .map(d -> d + ".csv or " + d + ".json").collect(Collectors.joining(", ")));
        }
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt)).flatMap(room -> Mono.fromCompletionStage(() -> server.hold(room.id(),
                        open -> open.read(List.of(BOARD, RoomKind.VOICE_DOCUMENT), ExportController::json)))
                .zipWith(Mono.fromCompletionStage(() -> people.list(room.id())))
                .map(t -> {
                    Map<String, String> names = t.getT2().stream().collect(Collectors.toMap(RoomPeople.Person::id, RoomPeople.Person::name, (a, b) -> b));
                    RoomData.Table table = new RoomData(t.getT1().get(BOARD), t.getT1().get(RoomKind.VOICE_DOCUMENT), names).table(dataset);
                    String filename = slug(room.title()) + "-" + dataset + "." + format;
                    ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
                    return format.equals("csv")
                            ? ok.contentType(CSV).body((Object) Csv.of(table.columns(), table.rows()))
                            : ok.contentType(MediaType.APPLICATION_JSON).body((Object) asJson(room.id(), dataset, table));
                }));
    }

    /** The roots the exports read, as JSON, on the room's lane. */
    public static Map<String, Map<String, Object>> json(Map<String, YDoc> docs) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        out.put(BOARD, roots(docs.get(BOARD), "objects"));
        out.put(RoomKind.VOICE_DOCUMENT, roots(docs.get(RoomKind.VOICE_DOCUMENT), "workshop", "questions", "answers", "statements", "votes"));
        return out;
    }

    private static Map<String, Object> roots(YDoc doc, String... names) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : names) {
            try {
                out.put(name, doc.getMap(name).toJson());
            } catch (RuntimeException notAMap) {
                // A root another writer made something else: nothing of it is exported (the rules keep them maps).
                out.put(name, Map.of());
            }
        }
        return out;
    }

    /** A table as the JSON exports give it: {room, dataset, exportedAt, rows}, each row an object by column. */
    public static Map<String, Object> asJson(String room, String dataset, RoomData.Table table) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("room", room);
        out.put("dataset", dataset);
        out.put("exportedAt", Instant.now().toString());
        out.put("rows", table.asObjects());
        return out;
    }

    /** A file name from the room's title: letters, digits and dashes only. */
    public static String slug(String title) {
        String s = java.text.Normalizer.normalize(title == null ? "" : title, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "room" : s.length() > 60 ? s.substring(0, 60) : s;
    }
}
