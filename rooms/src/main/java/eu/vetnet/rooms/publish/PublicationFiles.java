package eu.vetnet.rooms.publish;

import eu.vetnet.rooms.dossier.Dossier;
import eu.vetnet.rooms.dossier.DossierStore;
import eu.vetnet.rooms.export.RoomData;
import eu.vetnet.rooms.render.Board;
import eu.vetnet.rooms.render.BoardPng;
import eu.vetnet.rooms.render.NotesHtml;
import eu.vetnet.rooms.render.NotesMarkdown;
import eu.vetnet.rooms.render.NotesPdf;
import eu.vetnet.rooms.render.NotesTree;
import eu.vetnet.rooms.render.PdfCanvas;
import eu.vetnet.rooms.render.SvgCanvas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files of a publication, drawn from a room's content after {@link Anonymiser} took the people out of it: the
 * board as SVG, PNG and PDF and its objects as JSON (only what is drawn: no owners, votes as counts; images without
 * their pictures, which with their metadata could show anyone); for a dossier also the document as Markdown, HTML and PDF and the room's
 * data as JSON, people as "Participant N"; and {@code publication.md}, what it is and under which licence. Before any
 * of it is stored, every text file is searched again for anyone the room knows ({@link Leak} if one is found).
 */
public final class PublicationFiles {

    /** The publication's first page. */
    public static final String README = "publication.md";
    /** The object fields a published board keeps: what is drawn (docs/rooms.md, "Board content"). */
    static final Set<String> DRAWN = Set.of("type", "x", "y", "w", "h", "z", "color", "text", "from", "to", "points", "locked");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The room's content as read, people still in it. */
    public record Source(Map<String, Object> board, Map<String, Object> workshop, List<NotesTree.Node> notes) {
    }

    /** What is published: the anonymised texts of the record and the files. */
    public record Built(String title, String summary, List<Dossier.Decision> decisions, Map<String, DossierStore.File> files) {
    }

    /** Publishing would still name someone: nothing is published. */
    public static final class Leak extends IllegalStateException {
        Leak(String where, Set<String> who) {
            super(where + " would still name " + who);
        }
    }

    private PublicationFiles() {
    }

    public static Built build(Anonymiser a, Publication.Kind kind, Source source, String title, String summary, List<Dossier.Decision> decisions,
            Licences.Licence licence, Instant contentAt) {
        Map<?, ?> rawObjects = source.board().get("objects") instanceof Map<?, ?> m ? m : Map.of();
        a.renumber("object", rawObjects.keySet());
        Map<String, Object> workshopRoots = source.workshop() == null ? Map.of() : source.workshop();
        for (String collection : List.of("questions", "answers", "statements")) {
            if (workshopRoots.get(collection) instanceof Map<?, ?> c) {
                a.renumber(collection.substring(0, collection.length() - 1), c.keySet());
            }
        }
        if (workshopRoots.get("workshop") instanceof Map<?, ?> w && w.get("polls") instanceof Map<?, ?> polls) {
            a.renumber("poll", polls.keySet());
        }
        if (workshopRoots.get("votes") instanceof Map<?, ?> votes) {
            a.renumber("poll", votes.keySet());
        }
        Map<String, Object> objects = withoutPictures(a.json(rawObjects));
        String cleanTitle = a.text(title);
        String cleanSummary = summary == null ? null : a.text(summary);
        List<Dossier.Decision> cleanDecisions = decisions.stream()
                .map(d -> new Dossier.Decision(a.text(d.text()), d.owner() == null ? null : a.text(d.owner()), d.due())).toList();

        Map<String, DossierStore.File> files = new LinkedHashMap<>();
        files.put(README, text("text/markdown", readme(kind, cleanTitle, cleanSummary, cleanDecisions, licence, contentAt)));
        Board board = Board.of(objects);
        String svg = SvgCanvas.render(board);
        files.put("board.svg", text("image/svg+xml", svg));
        files.put("board.png", new DossierStore.File("image/png", BoardPng.render(board, svg)));
        files.put("board.pdf", new DossierStore.File("application/pdf", PdfCanvas.render(board)));
        files.put("board.json", new DossierStore.File("application/json", JSON.writeValueAsBytes(Map.of("objects", drawn(objects)))));
        if (kind == Publication.Kind.DOSSIER) {
            List<NotesTree.Node> notes = a.notes(source.notes() == null ? List.of() : source.notes());
            files.put("notes.md", text("text/markdown", "# " + cleanTitle + "\n\n" + NotesMarkdown.render(notes)));
            files.put("notes.html", text("text/html", NotesHtml.page(cleanTitle, "en", notes)));
            files.put("notes.pdf", new DossierStore.File("application/pdf", NotesPdf.render(cleanTitle, notes)));
            files.put("data.json", new DossierStore.File("application/json", JSON.writeValueAsBytes(data(a, objects, workshopRoots))));
        }
        files.forEach((name, f) -> {
            if (!f.type().equals("image/png") && !f.type().equals("application/pdf")) {
                requireNobody(a, name, new String(f.content(), StandardCharsets.UTF_8));
            }
        });
        requireNobody(a, "the title, summary or decisions", cleanTitle + "\n" + cleanSummary + "\n" + cleanDecisions);
        return new Built(cleanTitle, cleanSummary, cleanDecisions, files);
    }

    /** The objects, an image's picture left out (it shows as its empty frame, as an image the renders cannot fetch). */
    private static Map<String, Object> withoutPictures(Object anonymised) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (anonymised instanceof Map<?, ?> all) {
            all.forEach((id, value) -> {
                if (value instanceof Map<?, ?> o) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    o.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    if ("image".equals(copy.get("type"))) {
                        copy.remove("url");
                    }
                    out.put(String.valueOf(id), copy);
                }
            });
        }
        return out;
    }

    /** Each object with only what is drawn: no owner, votes as a count (the app shows a count, not the voters). */
    private static Map<String, Object> drawn(Map<String, Object> objects) {
        Map<String, Object> out = new LinkedHashMap<>();
        objects.forEach((id, value) -> {
            Map<?, ?> o = (Map<?, ?>) value;
            Map<String, Object> kept = new LinkedHashMap<>();
            o.forEach((k, v) -> {
                if (DRAWN.contains(String.valueOf(k))) {
                    kept.put(String.valueOf(k), v);
                }
            });
            if (o.get("votes") instanceof Map<?, ?> votes && !votes.isEmpty()) {
                kept.put("votes", votes.size());
            }
            out.put(id, kept);
        });
        return out;
    }

    /** The room's tables as the dossier has them (notes, questions, answers, statements, poll results), people pseudonymous. */
    private static Map<String, Object> data(Anonymiser a, Map<String, Object> objects, Map<String, Object> workshopRoots) {
        @SuppressWarnings("unchecked")
        Map<String, Object> workshop = (Map<String, Object>) a.json(workshopRoots);
        Map<String, Object> board = Map.of("objects", objects);
        RoomData data = new RoomData(board, workshop, a.directory());
        Map<String, Object> out = new LinkedHashMap<>();
        data.tables().forEach((dataset, table) -> out.put(dataset, table.asObjects()));
        return out;
    }

    private static String readme(Publication.Kind kind, String title, String summary, List<Dossier.Decision> decisions, Licences.Licence licence,
            Instant contentAt) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        if (summary != null && !summary.isBlank()) {
            md.append(summary).append("\n\n");
        }
        md.append(kind == Publication.Kind.BOARD ? "A co-design board as it was at " : "The session dossier of a co-design session, assembled at ")
                .append(contentAt).append(", published from VET-NET under the ").append(licence.name()).append(" licence (")
                .append(licence.url()).append(").\n\nAnonymised: the people who took part appear as Participant 1, Participant 2, ...; "
                        + "images are left out.\n\n");
        if (kind == Publication.Kind.DOSSIER) {
            md.append("## Decisions and action items\n\n");
            if (decisions.isEmpty()) {
                md.append("None recorded.\n");
            }
            for (Dossier.Decision d : decisions) {
                md.append("- ").append(d.text());
                if (d.owner() != null) {
                    md.append(" (owner: ").append(d.owner()).append(d.due() == null ? "" : ", due " + d.due()).append(')');
                }
                md.append('\n');
            }
            md.append("\n## Files\n\n- board.svg, board.png, board.pdf: the board; board.json: its objects\n"
                    + "- notes.md, notes.html, notes.pdf: the document\n- data.json: notes, questions, answers, statements and vote results\n");
        } else {
            md.append("## Files\n\n- board.svg, board.png, board.pdf: the board; board.json: its objects\n");
        }
        return md.toString();
    }

    private static void requireNobody(Anonymiser a, String where, String content) {
        Set<String> named = a.namedIn(content);
        if (!named.isEmpty()) {
            throw new Leak(where, named);
        }
    }

    private static DossierStore.File text(String type, String content) {
        return new DossierStore.File(type, content.getBytes(StandardCharsets.UTF_8));
    }
}
