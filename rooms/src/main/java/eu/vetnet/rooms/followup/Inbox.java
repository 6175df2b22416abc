package eu.vetnet.rooms.followup;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Notifications in the app, per person, and the e-mail addresses people's tokens gave when they joined a room (the
 * only place VET-NET keeps them, for these notifications).
 */
public interface Inbox {

    /** What a person is told: a line of text and where it points in the app. */
    record Notification(String id, Instant at, String text, String link) {
    }

    /** At most this many notifications are listed, newest first. */
    int LISTED = 50;

    CompletionStage<Void> notify(String userId, Notification notification);

    CompletionStage<List<Notification>> of(String userId);

    CompletionStage<Void> rememberEmail(String userId, String email);

    /** Forgets a person's notifications and e-mail address (their account is deleted). */
    CompletionStage<Void> forget(String userId);

    /** The addresses known for these users (those without one are left out). */
    CompletionStage<Map<String, String>> emails(Collection<String> userIds);
}
