package eu.vetnet.rooms.dossier;

import eu.vetnet.identity.api.Csv;
import eu.vetnet.rooms.export.RoomData;
import eu.vetnet.rooms.render.Board;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The files of a dossier, from what was read of the room (off its lane): the board as SVG and PDF (and PNG, {@link #PNG}), the document as
 * Markdown and PDF, the room's data (notes, questions, answers, statements, votes, and the attendance of those who
 * agreed to be listed) as one JSON file, people by name, and that attendance as CSV. The overview ({@link #overview}) is written on each request from the record, so edited decisions show at once.
 */
public final class DossierFiles {

    static final String OVERVIEW = "dossier.md";
    /**
     * The board as PNG, rasterised from the stored SVG when it is first asked for, then kept: on a board of 8,000
     * notes it takes Batik some 16 s, which would have made the dossier four times slower for everyone.
     */
    static final String PNG = "board.png";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What was read of the room on its lane. */
    public record Read(Map<?, ?> objects, List<NotesTree.Node> notes, Map<String, Object> board, Map<String, Object> workshop) {
    }

    public record Assembled(Map<String, DossierStore.File> files, Dossier.Counts counts) {
    }

    private DossierFiles() {
    }

    /** @param attendance the attendance of those who agreed to be listed (attendance/Attendance) */
    public static Assembled assemble(String roomId, String title, Read read, Map<String, String> names, RoomData.Table attendance) {
        Board board = Board.of(read.objects());
        RoomData data = new RoomData(read.board(), read.workshop(), names);
        Map<String, DossierStore.File> files = new LinkedHashMap<>();
        String svg = SvgCanvas.render(board);
        files.put("board.svg", new DossierStore.File("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)));
        files.put("board.pdf", new DossierStore.File("application/pdf", PdfCanvas.render(board)));
        files.put("notes.md", new DossierStore.File("text/markdown", ("# " + title + "\n\n" + NotesMarkdown.render(read.notes())).getBytes(StandardCharsets.UTF_8)));
        files.put("notes.pdf", new DossierStore.File("application/pdf", NotesPdf.render(title, read.notes())));
        Map<String, Object> datasets = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        data.tables().forEach((dataset, table) -> {
            datasets.put(dataset, table.asObjects());
            rows.put(dataset, table.rows().size());
        });
        datasets.put("attendance", attendance.asObjects());
        files.put("attendance.csv", new DossierStore.File("text/csv", Csv.of(attendance.columns(), attendance.rows()).getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("room", roomId);
        json.put("title", title);
        json.put("assembledAt", Instant.now().toString());
        json.putAll(datasets);
        files.put("data.json", new DossierStore.File("application/json", JSON.writeValueAsBytes(json)));
        return new Assembled(files, new Dossier.Counts(board.objects().size(), rows.get("notes"), rows.get("questions"), rows.get("statements"),
                rows.get("polls"), names.size(), (int) attendance.rows().stream().map(r -> r.get(0)).distinct().count()));
    }


    /** The dossier's first page, in Markdown: when, by whom, what it holds, the decisions and action items. */
    static String overview(Dossier d) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(d.roomTitle()).append(": session dossier ").append(d.version()).append("\n\n");
        md.append("Assembled ").append(d.createdAt()).append(" by ").append(d.createdBy());
        if (d.sentAt() != null) {
            md.append("; sent ").append(d.sentAt());
        }
        md.append(".\n\n## Decisions and action items\n\n");
        if (d.decisions().isEmpty()) {
            md.append("None recorded.\n\n");
        }
        for (Dossier.Decision x : d.decisions()) {
            md.append("- ").append(x.text());
            if (x.owner() != null && !x.owner().isBlank()) {
                md.append(" (owner: ").append(x.owner());
                if (x.due() != null && !x.due().isBlank()) {
                    md.append(", due ").append(x.due());
                }
                md.append(')');
            }
            md.append('\n');
        }
        Dossier.Counts c = d.counts();
        md.append("\n## What the session produced\n\n")
                .append("- The board: ").append(c.boardObjects()).append(" objects (board.svg, board.png, board.pdf)\n")
                .append("- The document (notes.md, notes.pdf)\n")
                .append("- ").append(c.notes()).append(" notes, ").append(c.questions()).append(" questions, ").append(c.statements())
                .append(" statements, ").append(c.polls()).append(" vote results (data.json)\n")
                .append("- ").append(c.people()).append(" people took part; ").append(c.listed())
                .append(" of them agreed to have their attendance listed (attendance.csv, data.json)\n");
        return md.toString();
    }
}
