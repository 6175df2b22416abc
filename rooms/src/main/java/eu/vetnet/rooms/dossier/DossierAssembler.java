package eu.vetnet.rooms.dossier;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.attendance.AttendanceReader;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.export.ExportController;
import eu.vetnet.rooms.history.AtParameter;
import eu.vetnet.rooms.people.RoomPeople;
import eu.vetnet.rooms.render.RenderController;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Assembles a new version of a room's dossier (docs/rooms.md, "Session dossier"): the board, document and workshop
 * read on the room's lane, the names directory, the attendance of those who agreed, drawn off the lane and stored.
 * For a facilitator who ends the session ({@link DossierController}) and for the server when a scheduled session is
 * over and the room empty ({@link AutomaticDossiers}).
 */
@Component
public class DossierAssembler {

    private final RoomServer server;
    private final RoomPeople people;
    private final ObjectProvider<DossierStore> stores;
    private final AttendanceReader attendance;

    public DossierAssembler(RoomServer server, RoomPeople people, ObjectProvider<DossierStore> stores, AttendanceReader attendance) {
        this.server = server;
        this.people = people;
        this.stores = stores;
        this.attendance = attendance;
    }

    /** @param createdBy the name the dossier says assembled it */
    public Mono<Dossier> assemble(RoomRecord room, String createdBy) {
        DossierStore store = AtParameter.kept(stores, "it keeps no dossiers");
        List<String> documents = new ArrayList<>(List.of(RoomRecord.BOARD, RoomRecord.NOTES, RoomKind.VOICE_DOCUMENT));
        documents.retainAll(room.documents());
        Mono<DossierFiles.Read> read = Mono.fromCompletionStage(() -> server.hold(room.id(), open -> open.read(documents, DossierAssembler::read)));
        Mono<Map<String, String>> names = Mono.fromCompletionStage(() -> people.list(room.id()))
                .map(list -> list.stream().collect(Collectors.toMap(RoomPeople.Person::id, RoomPeople.Person::name, (a, b) -> b)));
        return Mono.zip(read, names, Mono.fromCompletionStage(() -> store.ofRoom(room.id())), attendance.table(room))
                .publishOn(Schedulers.boundedElastic())
                .flatMap(t -> {
                    DossierFiles.Assembled files = DossierFiles.assemble(room.id(), room.title(), t.getT1(), t.getT2(), t.getT4());
                    int version = t.getT3().isEmpty() ? 1 : t.getT3().get(0).version() + 1;
                    List<Dossier.FileInfo> infos = new ArrayList<>();
                    infos.add(new Dossier.FileInfo(DossierFiles.OVERVIEW, "text/markdown", 0));
                    files.files().forEach((name, f) -> infos.add(new Dossier.FileInfo(name, f.type(), f.content().length)));
                    infos.add(new Dossier.FileInfo(DossierFiles.PNG, "image/png", 0));
                    Dossier d = new Dossier(room.id(), version, room.title(), Instant.now(), createdBy, Dossier.Status.DRAFT, null, List.of(),
                            infos, files.counts());
                    return Mono.fromCompletionStage(() -> store.create(d, files.files())).map(created -> {
                        if (!created) {
                            throw ApiException.conflict("version " + version + " of this dossier was assembled by someone else just now",
                                    "reload the dossiers and edit that one");
                        }
                        return d;
                    });
                });
    }

    /** The roots the dossier reads, as plain data, on the room's lane: the board's objects read once, for the drawing and the data. */
    private static DossierFiles.Read read(Map<String, YDoc> docs) {
        Map<String, Map<String, Object>> data = ExportController.json(docs);
        Map<String, Object> board = data.get(RoomRecord.BOARD);
        YDoc notes = docs.get(RoomRecord.NOTES);
        return new DossierFiles.Read(board.get("objects") instanceof Map<?, ?> objects ? objects : Map.of(),
                notes == null ? List.of() : RenderController.notes(notes), board, data.get(RoomKind.VOICE_DOCUMENT));
    }
}
