package eu.vetnet.community.notifications;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import eu.vetnet.community.storage.CommunityDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each person's notifications in Cassandra, newest first (kept 90 days): written where something happens, listed in
 * the app, e-mailed in the digest, and once stored handed to the person's open apps ({@link LivePublisher}). A
 * notification that cannot be written is logged: it never undoes what happened.
 */
public final class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    public static final int LISTED = 50;

    private final CommunityDatabase database;
    private final JsonMapper json;
    private final Clock clock;
    private final LivePublisher live;

    /** {@code live} may be null: no live delivery (tests of the list and digest alone). */
    public Notifications(CommunityDatabase database, JsonMapper json, Clock clock, LivePublisher live) {
        this.database = database;
        this.json = json;
        this.clock = clock;
        this.live = live;
    }

    public void notify(String person, Notification.Kind kind, String text, String link, Map<String, String> params) {
        var db = database.now();
        Instant now = clock.instant();
        var id = Uuids.timeBased(); // unique, and ordered by when it was written
        Notification n = new Notification(id.toString(), now, kind, text, link, params);
        db.session().executeAsync(db.get("insertNotification").bind(person, id, json.writeValueAsString(n))).whenComplete((rs, err) -> {
            if (err != null) {
                log.warn("a {} notification for {} could not be written: {}", kind, person, err.toString());
            } else if (live != null) {
                live.publish(person, n);
            }
        });
    }

    public CompletionStage<List<Notification>> list(String person, int limit) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectNotifications").bind(person, limit)).thenApply(rs -> read(rs.currentPage()));
    }

    /** Those written after {@code after} and up to {@code upTo} (a digest's period: both ends fixed before reading). */
    public CompletionStage<List<Notification>> between(String person, Instant after, Instant upTo, int limit) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectNotificationsBetween").bind(person, after, upTo, limit)).thenApply(rs -> read(rs.currentPage()));
    }

    private List<Notification> read(Iterable<Row> rows) {
        List<Notification> out = new ArrayList<>();
        for (Row row : rows) {
            out.add(json.readValue(row.getString("body"), Notification.class));
        }
        return out;
    }
}
