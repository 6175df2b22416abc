package eu.vetnet.rooms.history;

import eu.vetnet.crdt.YDoc;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A document of a room as it was at an instant, rebuilt from the stored history (the latest snapshot by then and the
 * log up to it, streamed: docs/history-and-presence.md, "Replay REST"), for the renders of past states.
 */
@Component
@ConditionalOnProperty(name = "vetnet.history.store", havingValue = "cassandra", matchIfMissing = true)
public class PastDocuments {

    private final HistoryDatabase database;
    private final Executor cpu;

    public PastDocuments(HistoryDatabase database, @Qualifier("historyCpu") Executor historyCpu) {
        this.database = database;
        this.cpu = historyCpu;
    }

    public CompletionStage<YDoc> at(String room, String document, Instant at) {
        return HistoryReads.replay(database.statements(), room, document, at, cpu).thenApplyAsync(doc -> {
            RootTypes.typeRoots(doc);
            return doc;
        }, cpu);
    }
}
