package eu.vetnet.rooms.history;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** The prepared statements of the history, by name, prepared once the schema is in place. */
public final class HistoryStatements {

    private static final Map<String, String> CQL = new LinkedHashMap<>();
    private static final String SNAPSHOT_COLUMNS =
            "taken_at, writer, state, state_vector, covers_bucket, covers_at, covers_writer, covers_seq, client_owners, log_floor";
    private static final String SNAPSHOT_KEYS = "taken_at, writer, covers_at, covers_writer, covers_seq";

    static {
        CQL.put("upsertPerson", "INSERT INTO %s.room_people (room, user_id, name) VALUES (?, ?, ?)");
        CQL.put("selectPeople", "SELECT user_id, name FROM %s.room_people WHERE room = ? LIMIT ?");
        CQL.put("selectNames", "SELECT user_id, name FROM %s.room_people WHERE room = ? AND user_id IN ?");
        CQL.put("insertImage", "INSERT INTO %s.room_images (room, image_id, content_type, bytes, uploaded_by, uploaded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
        CQL.put("selectImage", "SELECT content_type, bytes, uploaded_by, uploaded_at FROM %s.room_images WHERE room = ? AND image_id = ?");
        CQL.put("upsertAccessRequest", "INSERT INTO %s.access_requests (room, user_id, username, name, requested_at, status)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
        CQL.put("selectAccessRequest", "SELECT user_id, username, name, requested_at, status FROM %s.access_requests"
                + " WHERE room = ? AND user_id = ?");
        CQL.put("selectAccessRequests", "SELECT user_id, username, name, requested_at, status FROM %s.access_requests"
                + " WHERE room = ? LIMIT ?");
        CQL.put("insertUpdate", "INSERT INTO %s.document_updates (room, document, bucket, at, writer, seq, payload, user_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        CQL.put("selectUpdatesAfter", "SELECT bucket, at, writer, seq, payload, user_id FROM %s.document_updates"
                + " WHERE room = ? AND document = ? AND bucket = ? AND (at, writer, seq) > (?, ?, ?)");
        CQL.put("selectUpdatesBetween", "SELECT bucket, at, writer, seq, payload, user_id FROM %s.document_updates"
                + " WHERE room = ? AND document = ? AND bucket = ? AND (at, writer, seq) > (?, ?, ?) AND (at, writer, seq) <= (?, ?, ?)");
        CQL.put("selectUpdateKeysBetween", "SELECT at, writer, seq FROM %s.document_updates"
                + " WHERE room = ? AND document = ? AND bucket = ? AND (at, writer, seq) > (?, ?, ?) AND (at, writer, seq) <= (?, ?, ?)");
        CQL.put("insertBucket", "INSERT INTO %s.history_buckets (room, stream, bucket) VALUES (?, ?, ?)");
        CQL.put("selectBuckets", "SELECT bucket FROM %s.history_buckets WHERE room = ? AND stream = ? AND bucket >= ? AND bucket <= ?");
        CQL.put("insertSnapshot", "INSERT INTO %s.document_snapshots (room, document, taken_at, writer, state, state_vector,"
                + " covers_bucket, covers_at, covers_writer, covers_seq, client_owners) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        CQL.put("selectLatestSnapshot", "SELECT " + SNAPSHOT_COLUMNS
                + " FROM %s.document_snapshots WHERE room = ? AND document = ? LIMIT 1");
        CQL.put("selectSnapshotAtOrBefore", "SELECT " + SNAPSHOT_COLUMNS
                + " FROM %s.document_snapshots WHERE room = ? AND document = ? AND taken_at <= ? LIMIT 1");
        CQL.put("selectSnapshot", "SELECT " + SNAPSHOT_COLUMNS
                + " FROM %s.document_snapshots WHERE room = ? AND document = ? AND taken_at = ? AND writer = ?");
        CQL.put("deleteSnapshot", "DELETE FROM %s.document_snapshots WHERE room = ? AND document = ? AND taken_at = ? AND writer = ?");
        CQL.put("selectSnapshotKeysFrom", "SELECT " + SNAPSHOT_KEYS
                + " FROM %s.document_snapshots WHERE room = ? AND document = ? AND taken_at >= ?");
        CQL.put("selectSnapshotKeysBefore", "SELECT " + SNAPSHOT_KEYS
                + " FROM %s.document_snapshots WHERE room = ? AND document = ? AND taken_at < ? LIMIT 1");
        CQL.put("selectLatestSnapshotKeys", "SELECT " + SNAPSHOT_KEYS
                + " FROM %s.document_snapshots WHERE room = ? AND document = ? LIMIT 1");
        CQL.put("selectRetention", "SELECT log_floor, thinned_to FROM %s.document_snapshots WHERE room = ? AND document = ? LIMIT 1");
        CQL.put("updateLogFloor", "UPDATE %s.document_snapshots SET log_floor = ? WHERE room = ? AND document = ?");
        CQL.put("updateThinnedTo", "UPDATE %s.document_snapshots SET thinned_to = ? WHERE room = ? AND document = ?");
        CQL.put("deleteUpdatesBucket", "DELETE FROM %s.document_updates WHERE room = ? AND document = ? AND bucket = ?");
        CQL.put("deleteUpdatesBefore", "DELETE FROM %s.document_updates WHERE room = ? AND document = ? AND bucket = ? AND at < ?");
        CQL.put("deleteBucket", "DELETE FROM %s.history_buckets WHERE room = ? AND stream = ? AND bucket = ?");
        CQL.put("insertEvent", "INSERT INTO %s.session_events (room, bucket, at, writer, seq, kind, document, user_id, username,"
                + " name, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        CQL.put("selectEvents", "SELECT at, writer, seq, kind, document, user_id, username, name, role FROM %s.session_events"
                + " WHERE room = ? AND bucket = ?");
        CQL.put("renameEvent", "UPDATE %s.session_events SET username = ?, name = ? WHERE room = ? AND bucket = ? AND at = ?"
                + " AND writer = ? AND seq = ?");
        CQL.put("selectEventsAfter", "SELECT at, writer, seq, kind, document, user_id, username, name, role FROM %s.session_events"
                + " WHERE room = ? AND bucket = ? AND (at, writer, seq) > (?, ?, ?)");
        CQL.put("insertRoom", "INSERT INTO %s.rooms (id, title, kind, archived, created_at, owner, facilitators, participants,"
                + " observers, documents, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        CQL.put("selectRoom", "SELECT record FROM %s.rooms WHERE id = ?");
        CQL.put("selectRooms", "SELECT record FROM %s.rooms");
        CQL.put("insertDossier", "INSERT INTO %s.dossiers (room, version, record) VALUES (?, ?, ?) IF NOT EXISTS");
        CQL.put("replaceDossier", "UPDATE %s.dossiers SET record = ? WHERE room = ? AND version = ? IF record = ?");
        CQL.put("selectDossiers", "SELECT record FROM %s.dossiers WHERE room = ? LIMIT ?");
        CQL.put("selectDossier", "SELECT record FROM %s.dossiers WHERE room = ? AND version = ?");
        CQL.put("insertDossierFile", "INSERT INTO %s.dossier_files (room, version, name, type, content) VALUES (?, ?, ?, ?, ?)");
        CQL.put("selectDossierFile", "SELECT type, content FROM %s.dossier_files WHERE room = ? AND version = ? AND name = ?");
        CQL.put("insertAttendanceConsent", "INSERT INTO %s.attendance_consents (room, user_id, consented_at) VALUES (?, ?, ?)");
        CQL.put("deleteAttendanceConsent", "DELETE FROM %s.attendance_consents WHERE room = ? AND user_id = ?");
        CQL.put("selectAttendanceConsents", "SELECT user_id, consented_at FROM %s.attendance_consents WHERE room = ?");
        CQL.put("insertRoomSchedule", "INSERT INTO %s.room_schedules (room, starts_at, ends_at) VALUES (?, ?, ?)");
        CQL.put("selectRoomSchedule", "SELECT starts_at, ends_at FROM %s.room_schedules WHERE room = ?");
        CQL.put("insertScheduledEnd", "INSERT INTO %s.scheduled_ends (day, ends_at, room, starts_at) VALUES (?, ?, ?, ?)");
        CQL.put("deleteScheduledEnd", "DELETE FROM %s.scheduled_ends WHERE day = ? AND ends_at = ? AND room = ?");
        CQL.put("selectScheduledEnds", "SELECT ends_at, room, starts_at FROM %s.scheduled_ends WHERE day = ? AND ends_at >= ? AND ends_at < ?");
        CQL.put("claimAutomaticDossier", "INSERT INTO %s.automatic_dossiers (room, ends_at, claimed_at) VALUES (?, ?, ?) IF NOT EXISTS");
        CQL.put("insertPublication", "INSERT INTO %s.publications (id, record) VALUES (?, ?)");
        CQL.put("selectPublication", "SELECT record FROM %s.publications WHERE id = ?");
        CQL.put("insertPublicationFile", "INSERT INTO %s.publication_files (id, name, type, content) VALUES (?, ?, ?, ?)");
        CQL.put("selectPublicationFile", "SELECT type, content FROM %s.publication_files WHERE id = ? AND name = ?");
        CQL.put("deletePublicationFiles", "DELETE FROM %s.publication_files WHERE id = ?");
        CQL.put("insertRoomPublication", "INSERT INTO %s.room_publications (room, published_at, id) VALUES (?, ?, ?)");
        CQL.put("selectRoomPublications", "SELECT id FROM %s.room_publications WHERE room = ? LIMIT ?");
        CQL.put("insertPublicPublication", "INSERT INTO %s.public_publications (year, published_at, id) VALUES (?, ?, ?)");
        CQL.put("selectPublicPublications", "SELECT id FROM %s.public_publications WHERE year = ? LIMIT ?");
        CQL.put("deletePublicPublication", "DELETE FROM %s.public_publications WHERE year = ? AND published_at = ? AND id = ?");
        CQL.put("insertProposal", "INSERT INTO %s.proposals (id, room, addressee, record) VALUES (?, ?, ?, ?)");
        CQL.put("insertProposalOfRoom", "INSERT INTO %s.proposals_by_room (room, id) VALUES (?, ?)");
        CQL.put("insertProposalToAddressee", "INSERT INTO %s.proposals_by_addressee (addressee, id) VALUES (?, ?)");
        CQL.put("selectProposal", "SELECT record FROM %s.proposals WHERE id = ?");
        CQL.put("selectProposals", "SELECT record FROM %s.proposals WHERE id IN ?");
        CQL.put("selectProposalsOfRoom", "SELECT id FROM %s.proposals_by_room WHERE room = ?");
        CQL.put("selectProposalsToAddressee", "SELECT id FROM %s.proposals_by_addressee WHERE addressee = ?");
        CQL.put("insertNotification", "INSERT INTO %s.notifications (user_id, at, id, record) VALUES (?, ?, ?, ?)");
        CQL.put("selectNotifications", "SELECT record FROM %s.notifications WHERE user_id = ? LIMIT ?");
        CQL.put("deleteNotifications", "DELETE FROM %s.notifications WHERE user_id = ?");
        CQL.put("deleteContact", "DELETE FROM %s.contacts WHERE user_id = ?");
        CQL.put("upsertContact", "INSERT INTO %s.contacts (user_id, email) VALUES (?, ?)");
        CQL.put("selectContacts", "SELECT user_id, email FROM %s.contacts WHERE user_id IN ?");
    }

    private final CqlSession session;
    private final Map<String, PreparedStatement> prepared;

    private HistoryStatements(CqlSession session, Map<String, PreparedStatement> prepared) {
        this.session = session;
        this.prepared = prepared;
    }

    /** Prepares every statement without blocking (this runs on a driver thread). */
    static CompletionStage<HistoryStatements> prepare(CqlSession session, String keyspace) {
        Map<String, PreparedStatement> out = new LinkedHashMap<>();
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (Map.Entry<String, String> e : CQL.entrySet()) {
            chain = chain.thenCompose(v -> session.prepareAsync(String.format(e.getValue(), keyspace)))
                    .thenAccept(p -> out.put(e.getKey(), p));
        }
        return chain.thenApply(v -> new HistoryStatements(session, Map.copyOf(out)));
    }

    /**
     * Runs {@code work} with the statements, or gives a failed stage when they are not ready (Cassandra not reached
     * yet): the one way a store starts a request.
     */
    static <T> CompletionStage<T> with(Supplier<HistoryStatements> statements, Function<HistoryStatements, CompletionStage<T>> work) {
        HistoryStatements s;
        try {
            s = statements.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return work.apply(s);
    }

    public CqlSession session() {
        return session;
    }

    PreparedStatement get(String name) {
        PreparedStatement p = prepared.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no statement " + name);
        }
        return p;
    }
}
