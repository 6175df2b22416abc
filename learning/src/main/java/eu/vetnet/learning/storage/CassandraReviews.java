package eu.vetnet.learning.storage;

import eu.vetnet.learning.review.Grade;
import eu.vetnet.learning.review.PeerAssessment;
import eu.vetnet.learning.review.ReviewRound;
import eu.vetnet.learning.review.Submission;
import eu.vetnet.storage.BackgroundSession;
import eu.vetnet.storage.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Peer review rounds, and their submissions, assessments and grades in rows of their own (many learners write at
 * once; none rewrites another's row). A round's phase moves only by compare-and-set.
 */
public final class CassandraReviews {

    static final int MAX_ROWS = 20_000;

    private final BackgroundSession db;
    private final JsonMapper json;

    public CassandraReviews(BackgroundSession db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public CompletionStage<ReviewRound> create(ReviewRound r) {
        var s = db.now();
        return s.session().executeAsync(s.get("insertRound").bind(UUID.fromString(r.editionId()), UUID.fromString(r.id()), r.phase().name(),
                json.writeValueAsString(r))).thenApply(rs -> r);
    }

    /** Moves the round to its next state if it is still in {@code from}: whether it did. */
    public CompletionStage<Boolean> advance(ReviewRound next, ReviewRound.Phase from) {
        var s = db.now();
        return s.session().executeAsync(s.get("advanceRound").bind(next.phase().name(), json.writeValueAsString(next),
                UUID.fromString(next.editionId()), UUID.fromString(next.id()), from.name())).thenApply(rs -> rs.wasApplied());
    }

    public CompletionStage<Optional<ReviewRound>> round(String editionId, String roundId) {
        UUID edition;
        UUID round;
        try {
            edition = UUID.fromString(editionId);
            round = UUID.fromString(roundId);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        var s = db.now();
        return s.session().executeAsync(s.get("selectRound").bind(edition, round))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> json.readValue(row.getString("body"), ReviewRound.class)));
    }

    public CompletionStage<List<ReviewRound>> rounds(String editionId) {
        return all("selectRounds", UUID.fromString(editionId), ReviewRound.class);
    }

    public CompletionStage<Submission> save(Submission sub) {
        var s = db.now();
        return s.session().executeAsync(s.get("insertSubmission").bind(UUID.fromString(sub.roundId()), sub.learnerId(), json.writeValueAsString(sub)))
                .thenApply(rs -> sub);
    }

    public CompletionStage<List<Submission>> submissions(String roundId) {
        return all("selectSubmissions", UUID.fromString(roundId), Submission.class);
    }

    public CompletionStage<PeerAssessment> save(PeerAssessment a) {
        var s = db.now();
        return s.session().executeAsync(s.get("insertPeerAssessment").bind(UUID.fromString(a.roundId()), a.authorId(), a.reviewerId(),
                json.writeValueAsString(a))).thenApply(rs -> a);
    }

    public CompletionStage<List<PeerAssessment>> assessments(String roundId) {
        return all("selectPeerAssessments", UUID.fromString(roundId), PeerAssessment.class);
    }

    public CompletionStage<Grade> save(Grade g) {
        var s = db.now();
        return s.session().executeAsync(s.get("insertGrade").bind(UUID.fromString(g.roundId()), g.authorId(), json.writeValueAsString(g)))
                .thenApply(rs -> g);
    }

    public CompletionStage<List<Grade>> grades(String roundId) {
        return all("selectGrades", UUID.fromString(roundId), Grade.class);
    }

    private <T> CompletionStage<List<T>> all(String statement, UUID key, Class<T> type) {
        var s = db.now();
        return s.session().executeAsync(s.get(statement).bind(key, MAX_ROWS)).thenCompose(rs -> {
            List<T> out = new ArrayList<>();
            return Rows.each(rs, row -> out.add(json.readValue(row.getString("body"), type))).thenApply(v -> out);
        });
    }
}
