package eu.vetnet.learning.storage;

import eu.vetnet.learning.programmes.Programme;
import eu.vetnet.storage.BackgroundSession;
import eu.vetnet.storage.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/** Programmes, each one row holding it as JSON. */
public final class CassandraProgrammes {

    /** More programmes than one community runs; the catalogue reads no further. */
    static final int MAX_PROGRAMMES = 2000;

    private final BackgroundSession db;
    private final JsonMapper json;

    public CassandraProgrammes(BackgroundSession db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public CompletionStage<Programme> save(Programme programme) {
        var s = db.now();
        return s.session().executeAsync(s.get("insertProgramme").bind(UUID.fromString(programme.id()), json.writeValueAsString(programme),
                programme.updatedAt())).thenApply(rs -> programme);
    }

    /** Writes {@code after} if the row still holds {@code before}'s version ({@link RowVersions}): whether it did. */
    public CompletionStage<Boolean> replace(Programme before, Programme after) {
        var s = db.now();
        return s.session().executeAsync(s.get("replaceProgramme").bind(json.writeValueAsString(after), after.updatedAt(),
                UUID.fromString(after.id()), before.updatedAt())).thenApply(rs -> rs.wasApplied());
    }

    public CompletionStage<Optional<Programme>> byId(String id) {
        return db.oneById("selectProgramme", id, row -> json.readValue(row.getString("body"), Programme.class));
    }

    public CompletionStage<List<Programme>> all() {
        var s = db.now();
        return s.session().executeAsync(s.get("selectProgrammes").bind(MAX_PROGRAMMES)).thenCompose(rs -> {
            List<Programme> out = new ArrayList<>();
            return Rows.each(rs, row -> out.add(json.readValue(row.getString("body"), Programme.class))).thenApply(v -> out);
        });
    }
}
