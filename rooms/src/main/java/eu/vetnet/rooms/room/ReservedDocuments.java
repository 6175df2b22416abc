package eu.vetnet.rooms.room;

import eu.vetnet.rooms.privatenotes.PrivateNotes;

/**
 * Document names the server keeps for itself (docs/rooms.md, "Server edits"): each person's private notes and the
 * server's own documents, such as the secret ballots of anonymous polls. Never a room's listed document, so neither a
 * socket nor the history REST serves them to anyone but their owner (private notes) or to nobody (the server's).
 */
public final class ReservedDocuments {

    public static final String SERVER_PREFIX = "server-";
    /** Anonymous polls' ballots: poll id -> user id -> ballot (docs/dialogue.md, "Anonymous votes"). */
    public static final String BALLOTS = SERVER_PREFIX + "ballots";
    /** Statements waiting for a facilitator's approval: id -> {text, by, name, at} (docs/dialogue.md, "Strict moderation"). */
    public static final String SUBMISSIONS = SERVER_PREFIX + "submissions";

    private ReservedDocuments() {
    }

    public static boolean isReserved(String document) {
        return document.startsWith(SERVER_PREFIX) || PrivateNotes.isPrivate(document);
    }
}
