package eu.vetnet.rooms.history;

import eu.vetnet.crdt.Updates;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes snapshots: a cache of the log that makes a load fast, and what replay older than the log's retention reads.
 * The state comes from the loaded document (the core encodes it on the room's lane, garbage-collected), never from
 * reading the log back. A snapshot is read back and compared; a mismatch removes it. Older snapshots are thinned by
 * {@link LogRetention}. CPU work runs on a bounded pool, never on a driver thread.
 */
final class Snapshots {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    /** What a written and verified snapshot covers. */
    record Written(Instant takenAt, LogPosition covers) {
    }

    private final String writer;
    private final Executor cpu;

    Snapshots(String writer, Executor cpu) {
        this.writer = writer;
        this.cpu = cpu;
    }

    /**
     * Writes {@code state}, which holds every log row up to {@code covers}, with the client-id owners of the document,
     * then verifies it and drops older ones.
     */
    CompletionStage<Written> write(HistoryStatements s, String room, String document, byte[] state, LogPosition covers,
            Map<Long, String> owners) {
        Instant takenAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Off the caller's thread (the core calls onStoreDocument on the room's lane): reading a whole state costs.
        CompletableFuture<byte[]> stateVector = CompletableFuture.supplyAsync(() -> Updates.encodeStateVectorFromUpdate(state), cpu);
        return stateVector.thenCompose(sv -> s.session().executeAsync(s.get("insertSnapshot").bind(room, document, takenAt, writer,
                        ByteBuffer.wrap(state), ByteBuffer.wrap(sv), covers.bucket(), covers.at(), covers.writer(), covers.seq(), owners)
                        .setIdempotent(true)))
                .thenCompose(rs -> HistoryReads.snapshot(s, room, document, takenAt, writer))
                .thenComposeAsync(readBack -> {
                    // Bytes compared as stored, nothing decoded again: the check costs a read and a comparison.
                    boolean same = readBack.isPresent() && Arrays.equals(readBack.get().state(), state)
                            && Arrays.equals(readBack.get().stateVector(), stateVector.join())
                            && readBack.get().owners().equals(owners);
                    if (!same) {
                        log.error("snapshot of {}/{} did not read back as written; it is removed and the log stays the record",
                                room, document);
                        return s.session().executeAsync(s.get("deleteSnapshot").bind(room, document, takenAt, writer).setIdempotent(true))
                                .thenApply(x -> {
                                    throw new HistoryUnavailableException("snapshot of " + room + "/" + document + " failed verification");
                                });
                    }
                    // Verified. Older snapshots stay for replay; retention thins them (LogRetention).
                    return CompletableFuture.completedFuture(new Written(takenAt, covers));
                }, cpu);
    }
}
