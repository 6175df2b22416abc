package eu.vetnet.rooms.history;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import eu.vetnet.rooms.dossier.DossierStore;
import eu.vetnet.rooms.publish.Publication;
import eu.vetnet.rooms.publish.PublicationStore;
import java.nio.ByteBuffer;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publications in Cassandra: the record as JSON in {@code publications}, its files in {@code publication_files}
 * (written first, so a public record always has them), listed per room in {@code room_publications} and for the
 * public in {@code public_publications}, one partition per year of publication.
 */
public final class CassandraPublications implements PublicationStore {

    /** More publications than a room makes; its list reads no further. */
    static final int MAX_PER_ROOM = 200;
    /** The first year anything was published: the public list reads no further back. */
    static final int FIRST_YEAR = 2026;

    private final Supplier<HistoryStatements> statements;
    private final JsonMapper json;

    public CassandraPublications(Supplier<HistoryStatements> statements, JsonMapper json) {
        this.statements = statements;
        this.json = json;
    }

    @Override
    public CompletionStage<Void> create(Publication p, Map<String, DossierStore.File> files) {
        return HistoryStatements.with(statements, s -> {
            List<CompletableFuture<?>> writes = new ArrayList<>();
            files.forEach((name, f) -> writes.add(s.session().executeAsync(s.get("insertPublicationFile")
                    .bind(p.id(), name, f.type(), ByteBuffer.wrap(f.content())).setIdempotent(true)).toCompletableFuture()));
            return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .thenCompose(v -> s.session().executeAsync(s.get("insertPublication").bind(p.id(), json.writeValueAsString(p)).setIdempotent(true)))
                    .thenCompose(v -> s.session().executeAsync(s.get("insertRoomPublication").bind(p.room(), p.publishedAt(), p.id()).setIdempotent(true)))
                    .thenCompose(v -> s.session().executeAsync(s.get("insertPublicPublication").bind(year(p), p.publishedAt(), p.id()).setIdempotent(true)))
                    .thenApply(v -> (Void) null);
        });
    }

    @Override
    public CompletionStage<Optional<Publication>> find(String id) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("selectPublication").bind(id))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> json.readValue(row.getString(0), Publication.class))));
    }

    @Override
    public CompletionStage<List<Publication>> ofRoom(String room) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("selectRoomPublications").bind(room, MAX_PER_ROOM))
                .thenCompose(rs -> records(ids(rs))));
    }

    @Override
    public CompletionStage<List<Publication>> latest(int limit) {
        return HistoryStatements.with(statements, s -> latestFrom(s, Year.now(ZoneOffset.UTC).getValue(), limit, new ArrayList<>()))
                .thenCompose(this::records);
    }

    private CompletionStage<List<String>> latestFrom(HistoryStatements s, int year, int limit, List<String> into) {
        if (year < FIRST_YEAR || into.size() >= limit) {
            return CompletableFuture.completedFuture(into);
        }
        return s.session().executeAsync(s.get("selectPublicPublications").bind(year, limit - into.size())).thenCompose(rs -> {
            into.addAll(ids(rs));
            return latestFrom(s, year - 1, limit, into);
        });
    }

    @Override
    public CompletionStage<Optional<DossierStore.File>> file(String id, String name) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("selectPublicationFile").bind(id, name))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> {
                    ByteBuffer b = row.getByteBuffer(1);
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    return new DossierStore.File(row.getString(0), bytes);
                })));
    }

    @Override
    public CompletionStage<Void> withdraw(Publication p) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("insertPublication").bind(p.id(), json.writeValueAsString(p)))
                .thenCompose(v -> s.session().executeAsync(s.get("deletePublicPublication").bind(year(p), p.publishedAt(), p.id())))
                .thenCompose(v -> s.session().executeAsync(s.get("deletePublicationFiles").bind(p.id())))
                .thenApply(v -> (Void) null));
    }

    /** The records of these ids, in this order (one read each: a page of a list is a few dozen). */
    private CompletionStage<List<Publication>> records(List<String> ids) {
        List<CompletableFuture<Optional<Publication>>> reads = ids.stream().map(id -> find(id).toCompletableFuture()).toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .thenApply(v -> reads.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
    }

    private static List<String> ids(AsyncResultSet rs) {
        List<String> out = new ArrayList<>();
        rs.currentPage().forEach(row -> out.add(row.getString(0)));
        return out;
    }

    private static int year(Publication p) {
        return p.publishedAt().atZone(ZoneOffset.UTC).getYear();
    }
}
