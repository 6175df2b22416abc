package eu.vetnet.rooms.dossier;

import eu.vetnet.identity.api.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where dossiers are kept (history/CassandraDossiers): versions written once, changed only by compare-and-set. */
public interface DossierStore {

    /** A file's content and media type. */
    record File(String type, byte[] content) {

        /** The type to answer with: texts (Markdown, CSV, JSON, SVG, HTML) as UTF-8, which is how they are written. */
        public org.springframework.http.MediaType mediaType() {
            boolean text = type.startsWith("text/") || type.endsWith("json") || type.endsWith("+xml");
            return org.springframework.http.MediaType.parseMediaType(text ? type + ";charset=UTF-8" : type);
        }
    }

    /** Stores a new version with its files; false when that version exists already (someone assembled it first). */
    CompletionStage<Boolean> create(Dossier dossier, Map<String, File> files);

    /** Writes {@code after} if the version is still {@code before}; whether it did. */
    CompletionStage<Boolean> replace(Dossier before, Dossier after);

    /** The room's versions, newest first. */
    CompletionStage<List<Dossier>> ofRoom(String room);

    CompletionStage<Optional<Dossier>> find(String room, int version);

    /** The version, or 404 saying the room has none such. */
    default CompletionStage<Dossier> version(String room, int version) {
        return find(room, version).thenApply(d -> d.orElseThrow(() ->
                ApiException.notFound("room " + room + " has no dossier " + version, "list its dossiers")));
    }

    CompletionStage<Optional<File>> file(String room, int version, String name);

    /** Adds a file made later from the others (the board's PNG, from its SVG). */
    CompletionStage<Void> addFile(String room, int version, String name, File file);
}
