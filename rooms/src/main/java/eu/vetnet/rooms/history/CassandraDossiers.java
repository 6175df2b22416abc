package eu.vetnet.rooms.history;

import eu.vetnet.rooms.dossier.Dossier;
import eu.vetnet.rooms.dossier.DossierStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dossiers in Cassandra: each version as JSON in {@code dossiers} (created IF NOT EXISTS, changed IF its record is
 * still what was read), its files in {@code dossier_files}, written before the version itself so that a listed
 * version always has them.
 */
public final class CassandraDossiers implements DossierStore {

    /** More versions than a room makes; the list reads no further. */
    static final int MAX_VERSIONS = 100;

    private final Supplier<HistoryStatements> statements;
    private final JsonMapper json;

    public CassandraDossiers(Supplier<HistoryStatements> statements, JsonMapper json) {
        this.statements = statements;
        this.json = json;
    }

    @Override
    public CompletionStage<Boolean> create(Dossier d, Map<String, File> files) {
        return HistoryStatements.with(statements, s -> {
            List<CompletableFuture<?>> writes = new ArrayList<>();
            files.forEach((name, f) -> writes.add(s.session().executeAsync(s.get("insertDossierFile")
                    .bind(d.room(), d.version(), name, f.type(), ByteBuffer.wrap(f.content())).setIdempotent(true)).toCompletableFuture()));
            return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .thenCompose(v -> s.session().executeAsync(s.get("insertDossier").bind(d.room(), d.version(), json.writeValueAsString(d))))
                    .thenApply(rs -> rs.wasApplied());
        });
    }

    @Override
    public CompletionStage<Boolean> replace(Dossier before, Dossier after) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("replaceDossier")
                .bind(json.writeValueAsString(after), after.room(), after.version(), json.writeValueAsString(before))).thenApply(rs -> rs.wasApplied()));
    }

    @Override
    public CompletionStage<List<Dossier>> ofRoom(String room) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("selectDossiers").bind(room, MAX_VERSIONS)).thenApply(rs -> {
            List<Dossier> out = new ArrayList<>();
            rs.currentPage().forEach(row -> out.add(json.readValue(row.getString(0), Dossier.class)));
            return out;
        }));
    }

    @Override
    public CompletionStage<Optional<Dossier>> find(String room, int version) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("selectDossier").bind(room, version))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> json.readValue(row.getString(0), Dossier.class))));
    }

    @Override
    public CompletionStage<Void> addFile(String room, int version, String name, File f) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("insertDossierFile")
                .bind(room, version, name, f.type(), ByteBuffer.wrap(f.content())).setIdempotent(true)).thenApply(rs -> (Void) null));
    }

    @Override
    public CompletionStage<Optional<File>> file(String room, int version, String name) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("selectDossierFile").bind(room, version, name))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> {
                    ByteBuffer b = row.getByteBuffer(1);
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    return new File(row.getString(0), bytes);
                })));
    }
}
