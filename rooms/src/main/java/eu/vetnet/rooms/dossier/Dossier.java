package eu.vetnet.rooms.dossier;

import java.time.Instant;
import java.util.List;

/**
 * One version of a room's session dossier (docs/rooms.md, "Session dossier"): what the session produced, assembled by
 * the server when a facilitator ends it; the decisions and action items a facilitator edits while it is a draft; sent
 * to everyone who took part, after which it no longer changes (a new version can be assembled).
 *
 * @param files the files of this version, in the order the dossier lists them
 */
public record Dossier(String room, int version, String roomTitle, Instant createdAt, String createdBy, Status status, Instant sentAt,
        List<Decision> decisions, List<FileInfo> files, Counts counts) {

    public enum Status { DRAFT, SENT }

    /** A decision, or an action item when it has an owner (and perhaps a date it is due). */
    public record Decision(String text, String owner, String due) {
    }

    public record FileInfo(String name, String type, int bytes) {
    }

    /**
     * What the room held when the dossier was assembled.
     *
     * @param listed how many people agreed to have their attendance listed (0 in versions from before it was)
     */
    public record Counts(int boardObjects, int notes, int questions, int statements, int polls, int people, int listed) {
    }

    public Dossier {
        decisions = List.copyOf(decisions);
        files = List.copyOf(files);
    }

    Dossier withDecisions(List<Decision> changed) {
        return new Dossier(room, version, roomTitle, createdAt, createdBy, status, sentAt, changed, files, counts);
    }

    Dossier sent(Instant at) {
        return new Dossier(room, version, roomTitle, createdAt, createdBy, Status.SENT, at, decisions, files, counts);
    }
}
