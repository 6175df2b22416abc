package eu.vetnet.learning.storage;

import eu.vetnet.learning.editions.Edition;
import eu.vetnet.learning.editions.Enrolment;
import eu.vetnet.storage.BackgroundSession;
import eu.vetnet.storage.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/** Editions, their seats and their enrolments. */
public final class CassandraEditions {

    static final int MAX_EDITIONS_PER_PROGRAMME = 500;
    static final int MAX_ENROLMENTS = 20_000;

    private final BackgroundSession db;
    private final JsonMapper json;

    public CassandraEditions(BackgroundSession db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Saves a new edition with its seats row (none taken); a changed one is written by {@link #replace}. */
    public CompletionStage<Edition> save(Edition e, boolean created) {
        var s = db.now();
        UUID id = UUID.fromString(e.id());
        CompletionStage<?> first = created
                ? s.session().executeAsync(s.get("createSeats").bind(id))
                        .thenCompose(rs -> s.session().executeAsync(s.get("insertEditionByProgramme").bind(UUID.fromString(e.programmeId()), id)))
                : CompletableFuture.completedFuture(null);
        return first.thenCompose(v -> s.session().executeAsync(s.get("insertEdition").bind(id, UUID.fromString(e.programmeId()),
                json.writeValueAsString(e), e.version()))).thenApply(rs -> e);
    }

    /** Writes {@code after} if the row still holds {@code before}'s version ({@link RowVersions}): whether it did. */
    public CompletionStage<Boolean> replace(Edition before, Edition after) {
        var s = db.now();
        return s.session().executeAsync(s.get("replaceEdition").bind(json.writeValueAsString(after), after.version(),
                UUID.fromString(after.id()), before.version())).thenApply(rs -> rs.wasApplied());
    }

    public CompletionStage<Optional<Edition>> byId(String id) {
        return db.oneById("selectEdition", id, row -> json.readValue(row.getString("body"), Edition.class));
    }

    public CompletionStage<List<Edition>> ofProgramme(String programmeId) {
        return db.manyByIndex("selectEditionsByProgramme", UUID.fromString(programmeId), MAX_EDITIONS_PER_PROGRAMME, "selectEdition",
                row -> json.readValue(row.getString("body"), Edition.class));
    }

    public CompletionStage<Integer> seatsTaken(String editionId) {
        var s = db.now();
        return s.session().executeAsync(s.get("selectSeats").bind(UUID.fromString(editionId))).thenApply(rs -> {
            var row = rs.one();
            return row == null ? 0 : row.getInt("taken");
        });
    }

    /** Sets the seats taken to {@code now} if they are still {@code before} (a lightweight transaction): whether it did. */
    public CompletionStage<Boolean> changeSeats(String editionId, int before, int now) {
        var s = db.now();
        return s.session().executeAsync(s.get("changeSeats").bind(now, UUID.fromString(editionId), before)).thenApply(rs -> rs.wasApplied());
    }

    public CompletionStage<Enrolment> saveEnrolment(Enrolment e) {
        var s = db.now();
        UUID edition = UUID.fromString(e.editionId());
        return s.session().executeAsync(s.get("insertEnrolmentByLearner").bind(e.learnerId(), edition))
                .thenCompose(rs -> s.session().executeAsync(s.get("insertEnrolment").bind(edition, e.learnerId(), json.writeValueAsString(e))))
                .thenApply(rs -> e);
    }

    public CompletionStage<Optional<Enrolment>> enrolment(String editionId, String learnerId) {
        var s = db.now();
        return s.session().executeAsync(s.get("selectEnrolment").bind(UUID.fromString(editionId), learnerId))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> json.readValue(row.getString("body"), Enrolment.class)));
    }

    public CompletionStage<List<Enrolment>> enrolments(String editionId) {
        var s = db.now();
        return s.session().executeAsync(s.get("selectEnrolments").bind(UUID.fromString(editionId), MAX_ENROLMENTS)).thenCompose(rs -> {
            List<Enrolment> out = new ArrayList<>();
            return Rows.each(rs, row -> out.add(json.readValue(row.getString("body"), Enrolment.class))).thenApply(v -> out);
        });
    }

    /** Records that a room is a live session of an edition (its calendar entry {@code itemId}). */
    public CompletionStage<Void> linkRoom(String roomId, String editionId, String itemId) {
        var s = db.now();
        return s.session().executeAsync(s.get("insertLiveRoom").bind(roomId, UUID.fromString(editionId), itemId)).thenApply(rs -> null);
    }

    /** The edition and calendar entry a room is the live session of, if it is one. */
    public CompletionStage<Optional<LiveRoom>> liveRoom(String roomId) {
        var s = db.now();
        return s.session().executeAsync(s.get("selectLiveRoom").bind(roomId))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> new LiveRoom(row.getUuid("edition").toString(), row.getString("item"))));
    }

    public record LiveRoom(String editionId, String itemId) {
    }

    /** The editions a person has a place in (or had), by id. */
    public CompletionStage<List<String>> editionsOf(String learnerId) {
        var s = db.now();
        return s.session().executeAsync(s.get("selectEnrolmentsByLearner").bind(learnerId, MAX_EDITIONS_PER_PROGRAMME)).thenCompose(rs -> {
            List<String> out = new ArrayList<>();
            return Rows.each(rs, row -> out.add(row.getUuid("edition").toString())).thenApply(v -> out);
        });
    }
}
