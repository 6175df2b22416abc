package eu.vetnet.community.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened which concerns a person (docs/community.md, "Notifications"): its kind, a sentence that says
 * it in English (for e-mail and for apps that know no better), what the sentence is made of ({@code params}: who, the
 * title, ... so the app says it in the reader's language), and where in the app to see it.
 */
public record Notification(String id, Instant at, Kind kind, String text, String link, Map<String, String> params) {

    public Notification {
        // Written before params existed: the app shows their English sentence.
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public enum Kind {
        /** You are invited to counsel on a case (also e-mailed at once, with its calendar). */
        INVITATION,
        /** A peer answered your invitation. */
        ANSWER,
        /** Someone replied to a discussion you follow (you follow the ones you start or reply to). */
        REPLY,
        /** Someone mentioned you (@username) in a discussion of a community you belong to. */
        MENTION,
        /** Someone asks to join a community you moderate. */
        JOIN_REQUEST,
        /** Someone commented on a practice you write. */
        COMMENT
    }
}
