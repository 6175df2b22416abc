package eu.vetnet.rooms.privatenotes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Private notes (docs/dialogue.md, "Private ideation"): each person writes in a document of their own, named from
 * their user id, that nobody else may open, facilitators included. The server sends its updates to its owner's
 * sessions only, so withholding is a property of what goes over the wire, not of what a view chooses to show; at reveal
 * the server's own engine copies the notes onto the board.
 */
public final class PrivateNotes {

    public static final String PREFIX = "private-";

    private PrivateNotes() {
    }

    /** The private document of {@code userId}: a hash, so the name fits a document name whatever the id holds. */
    public static String documentOf(String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public static boolean isPrivate(String document) {
        return document != null && document.startsWith(PREFIX);
    }
}
