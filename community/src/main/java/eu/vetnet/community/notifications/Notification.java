package eu.vetnet.community.notifications;

import java.time.Instant;

/**
 * Something that happened which concerns a person (docs/community.md, "Notifications"): its kind, a sentence that says
 * it, and where in the app to see it.
 */
public record Notification(String id, Instant at, Kind kind, String text, String link) {

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
        JOIN_REQUEST
    }
}
