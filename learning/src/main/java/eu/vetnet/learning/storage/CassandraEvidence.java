package eu.vetnet.learning.storage;

import eu.vetnet.learning.validation.Evidence;
import eu.vetnet.storage.BackgroundSession;
import eu.vetnet.storage.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/** Evidence of informal learning, by edition. */
public final class CassandraEvidence {

    static final int MAX_PER_EDITION = 20_000;

    private final BackgroundSession db;
    private final JsonMapper json;

    public CassandraEvidence(BackgroundSession db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public CompletionStage<Evidence> save(Evidence e) {
        var s = db.now();
        return s.session().executeAsync(s.get("insertEvidence").bind(UUID.fromString(e.editionId()), UUID.fromString(e.id()), e.learnerId(),
                json.writeValueAsString(e))).thenApply(rs -> e);
    }

    public CompletionStage<Optional<Evidence>> byId(String editionId, String id) {
        UUID edition;
        UUID evidence;
        try {
            edition = UUID.fromString(editionId);
            evidence = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        var s = db.now();
        return s.session().executeAsync(s.get("selectEvidence").bind(edition, evidence))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> json.readValue(row.getString("body"), Evidence.class)));
    }

    public CompletionStage<List<Evidence>> ofEdition(String editionId) {
        var s = db.now();
        return s.session().executeAsync(s.get("selectEditionEvidence").bind(UUID.fromString(editionId), MAX_PER_EDITION)).thenCompose(rs -> {
            List<Evidence> out = new ArrayList<>();
            return Rows.each(rs, row -> out.add(json.readValue(row.getString("body"), Evidence.class))).thenApply(v -> out);
        });
    }
}
