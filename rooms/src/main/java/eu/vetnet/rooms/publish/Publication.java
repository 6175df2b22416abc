package eu.vetnet.rooms.publish;

import eu.vetnet.rooms.dossier.Dossier;
import java.time.Instant;
import java.util.List;

/**
 * Something a facilitator published from a room to the public library (docs/rooms.md, "Publishing"): a board as it
 * was at an instant, or a session dossier, anonymised, under a Creative Commons licence. What the public sees is
 * {@link #view()}; the room, the dossier's version and who published or withdrew it stay with the room.
 *
 * @param contentAt the instant the content is from (the board's moment, the dossier's assembly)
 * @param decisions a dossier's decisions and action items, anonymised; empty for a board
 */
public record Publication(String id, Kind kind, String title, String summary, Licences.Licence licence, Instant publishedAt, Instant contentAt,
        List<Dossier.Decision> decisions, List<Dossier.FileInfo> files, String room, Integer dossierVersion, String publishedBy,
        Instant withdrawnAt, String withdrawnBy) {

    public enum Kind { BOARD, DOSSIER }

    /** What the public page shows: nothing that leads back to the room or the people in it. */
    public record View(String id, Kind kind, String title, String summary, Licences.Licence licence, Instant publishedAt, Instant contentAt,
            List<Dossier.Decision> decisions, List<Dossier.FileInfo> files) {
    }

    public Publication {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public View view() {
        return new View(id, kind, title, summary, licence, publishedAt, contentAt, decisions, files);
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    Publication withdraw(Instant at, String by) {
        return new Publication(id, kind, title, summary, licence, publishedAt, contentAt, decisions, files, room, dossierVersion, publishedBy, at, by);
    }
}
