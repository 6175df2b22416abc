package eu.vetnet.learning.storage;

import eu.vetnet.storage.BackgroundSession;
import eu.vetnet.storage.CassandraProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The learning server's Cassandra session ({@link BackgroundSession}: answers 503 until Cassandra is reachable), with
 * deploy/cassandra/learning.cql and the statements the learning stores run, in one place.
 */
public final class LearningDatabase {

    static final String SCHEMA_RESOURCE = "/eu/vetnet/learning/storage/learning.cql";

    private static final Map<String, String> STATEMENTS = new LinkedHashMap<>();
    static {
        STATEMENTS.put("insertProgramme", "INSERT INTO %s.programmes (id, body, updated_at) VALUES (?, ?, ?)");
        STATEMENTS.put("replaceProgramme", "UPDATE %s.programmes SET body = ?, updated_at = ? WHERE id = ? IF updated_at = ?");
        STATEMENTS.put("selectProgramme", "SELECT body FROM %s.programmes WHERE id = ?");
        STATEMENTS.put("selectProgrammes", "SELECT body FROM %s.programmes LIMIT ?");
        STATEMENTS.put("insertEdition", "INSERT INTO %s.editions (id, programme, body, updated_at) VALUES (?, ?, ?, ?)");
        STATEMENTS.put("replaceEdition", "UPDATE %s.editions SET body = ?, updated_at = ? WHERE id = ? IF updated_at = ?");
        STATEMENTS.put("selectEdition", "SELECT body FROM %s.editions WHERE id = ?");
        STATEMENTS.put("insertEditionByProgramme", "INSERT INTO %s.editions_by_programme (programme, id) VALUES (?, ?)");
        STATEMENTS.put("selectEditionsByProgramme", "SELECT id FROM %s.editions_by_programme WHERE programme = ? LIMIT ?");
        STATEMENTS.put("createSeats", "INSERT INTO %s.edition_seats (edition, taken) VALUES (?, 0) IF NOT EXISTS");
        STATEMENTS.put("selectSeats", "SELECT taken FROM %s.edition_seats WHERE edition = ?");
        STATEMENTS.put("changeSeats", "UPDATE %s.edition_seats SET taken = ? WHERE edition = ? IF taken = ?");
        STATEMENTS.put("insertLiveRoom", "INSERT INTO %s.live_rooms (room, edition, item) VALUES (?, ?, ?)");
        STATEMENTS.put("selectLiveRoom", "SELECT edition, item FROM %s.live_rooms WHERE room = ?");
        STATEMENTS.put("insertEnrolment", "INSERT INTO %s.enrolments (edition, learner, body) VALUES (?, ?, ?)");
        STATEMENTS.put("selectEnrolment", "SELECT body FROM %s.enrolments WHERE edition = ? AND learner = ?");
        STATEMENTS.put("selectEnrolments", "SELECT body FROM %s.enrolments WHERE edition = ? LIMIT ?");
        STATEMENTS.put("insertEnrolmentByLearner", "INSERT INTO %s.enrolments_by_learner (learner, edition) VALUES (?, ?)");
        STATEMENTS.put("selectEnrolmentsByLearner", "SELECT edition FROM %s.enrolments_by_learner WHERE learner = ? LIMIT ?");
        STATEMENTS.put("insertResult", "INSERT INTO %s.results (learner, programme, module, body) VALUES (?, ?, ?, ?)");
        STATEMENTS.put("selectResults", "SELECT body FROM %s.results WHERE learner = ? LIMIT ?");
        STATEMENTS.put("insertAttendance", "INSERT INTO %s.attendance (edition, item, learner, body) VALUES (?, ?, ?, ?)");
        STATEMENTS.put("selectAttendance", "SELECT body FROM %s.attendance WHERE edition = ? LIMIT ?");
        STATEMENTS.put("insertEvidence", "INSERT INTO %s.evidence (edition, id, learner, body) VALUES (?, ?, ?, ?)");
        STATEMENTS.put("selectEvidence", "SELECT body FROM %s.evidence WHERE edition = ? AND id = ?");
        STATEMENTS.put("selectEditionEvidence", "SELECT body FROM %s.evidence WHERE edition = ? LIMIT ?");
        STATEMENTS.put("insertRound", "INSERT INTO %s.review_rounds (edition, id, phase, body) VALUES (?, ?, ?, ?)");
        STATEMENTS.put("advanceRound", "UPDATE %s.review_rounds SET phase = ?, body = ? WHERE edition = ? AND id = ? IF phase = ?");
        STATEMENTS.put("selectRound", "SELECT body FROM %s.review_rounds WHERE edition = ? AND id = ?");
        STATEMENTS.put("selectRounds", "SELECT body FROM %s.review_rounds WHERE edition = ? LIMIT ?");
        STATEMENTS.put("insertSubmission", "INSERT INTO %s.review_submissions (round, learner, body) VALUES (?, ?, ?)");
        STATEMENTS.put("selectSubmissions", "SELECT body FROM %s.review_submissions WHERE round = ? LIMIT ?");
        STATEMENTS.put("insertPeerAssessment", "INSERT INTO %s.review_assessments (round, author, reviewer, body) VALUES (?, ?, ?, ?)");
        STATEMENTS.put("selectPeerAssessments", "SELECT body FROM %s.review_assessments WHERE round = ? LIMIT ?");
        STATEMENTS.put("insertGrade", "INSERT INTO %s.review_grades (round, author, body) VALUES (?, ?, ?)");
        STATEMENTS.put("selectGrades", "SELECT body FROM %s.review_grades WHERE round = ? LIMIT ?");
        STATEMENTS.put("insertKey", "INSERT INTO %s.issuer_keys (issuer, kid, name, jwk, created_at) VALUES (?, ?, ?, ?, ?) IF NOT EXISTS");
        STATEMENTS.put("retireKey", "UPDATE %s.issuer_keys SET retired_at = ? WHERE issuer = ? AND kid = ?");
        STATEMENTS.put("selectKeys", "SELECT kid, name, jwk, created_at, retired_at FROM %s.issuer_keys WHERE issuer = ?");
        STATEMENTS.put("insertCredential",
                "INSERT INTO %s.credentials (id, learner, issuer, programme, status_index, jws, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        STATEMENTS.put("selectCredential",
                "SELECT id, learner, issuer, programme, status_index, jws, issued_at, revoked_at, revoked_reason FROM %s.credentials WHERE id = ?");
        STATEMENTS.put("revokeCredential", "UPDATE %s.credentials SET revoked_at = ?, revoked_reason = ? WHERE id = ?");
        STATEMENTS.put("insertCredentialByLearner", "INSERT INTO %s.credentials_by_learner (learner, id) VALUES (?, ?)");
        STATEMENTS.put("selectCredentialsByLearner", "SELECT id FROM %s.credentials_by_learner WHERE learner = ? LIMIT ?");
        STATEMENTS.put("claimStatusEntry",
                "INSERT INTO %s.status_entries (issuer, status_index, credential, revoked) VALUES (?, ?, ?, false) IF NOT EXISTS");
        STATEMENTS.put("revokeStatusEntry", "UPDATE %s.status_entries SET revoked = true WHERE issuer = ? AND status_index = ?");
        STATEMENTS.put("selectStatusEntries", "SELECT status_index, revoked FROM %s.status_entries WHERE issuer = ?");
    }

    private LearningDatabase() {
    }

    public static BackgroundSession session(CassandraProperties properties) {
        return new BackgroundSession("learning", properties, LearningDatabase.class, SCHEMA_RESOURCE, STATEMENTS,
                StoreUnavailableException::new);
    }
}
