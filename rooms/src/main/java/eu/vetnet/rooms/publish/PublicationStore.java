package eu.vetnet.rooms.publish;

import eu.vetnet.rooms.dossier.DossierStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where publications are kept (history/CassandraPublications): written once with their files; withdrawn, the files go. */
public interface PublicationStore {

    /** Stores a new publication: its files first, then the record, then it is listed for its room and for the public. */
    CompletionStage<Void> create(Publication publication, Map<String, DossierStore.File> files);

    CompletionStage<Optional<Publication>> find(String id);

    /** A room's publications, newest first, withdrawn ones included. */
    CompletionStage<List<Publication>> ofRoom(String room);

    /** The newest publications still public, at most {@code limit}. */
    CompletionStage<List<Publication>> latest(int limit);

    CompletionStage<Optional<DossierStore.File>> file(String id, String name);

    /** Records the withdrawal, deletes the files and takes the publication off the public list. */
    CompletionStage<Void> withdraw(Publication withdrawn);
}
