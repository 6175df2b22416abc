package eu.vetnet.rooms.export;

import eu.vetnet.rooms.policy.Policies;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a room's shared documents hold, as tables people take away (docs/rooms.md, "Exports"): the board's notes and
 * texts, questions and their answers, statements with their votes, poll results. Read from the documents' JSON as
 * the server holds them now; people appear by the name the room's names directory gives them, never by id, and what
 * was asked or revealed anonymously stays without a name.
 */
public final class RoomData {

    /** One table: its columns and rows, in the order people read them. */
    public record Table(List<String> columns, List<List<Object>> rows) {

        /** The rows as the JSON files give them: each an object by column, in column order. */
        public List<Map<String, Object>> asObjects() {
            return rows.stream().map(r -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), r.get(i));
                }
                return row;
            }).toList();
        }
    }

    /** The datasets, by the name in the export's path, in the order files list them. */
    public static final List<String> DATASETS = List.of("notes", "questions", "answers", "statements", "polls");

    /** Every dataset's table, in {@link #DATASETS} order. */
    public Map<String, Table> tables() {
        Map<String, Table> out = new LinkedHashMap<>();
        DATASETS.forEach(d -> out.put(d, table(d)));
        return out;
    }

    /** Board objects that carry text people wrote (connectors, drawings and images carry none). */
    private static final Set<String> WITH_TEXT = Set.of("note", "text", "rect", "ellipse");

    private final Map<String, Object> board;
    private final Map<String, Object> workshop;
    private final Map<String, String> names;

    /**
     * @param board    the board document's roots as JSON ({@code objects})
     * @param workshop the workshop document's roots as JSON ({@code workshop}, {@code questions}, {@code answers},
     *                 {@code statements}, {@code votes})
     * @param names    the room's names directory, user id to name
     */
    public RoomData(Map<String, Object> board, Map<String, Object> workshop, Map<String, String> names) {
        this.board = board;
        this.workshop = workshop;
        this.names = names;
    }

    public Table table(String dataset) {
        return switch (dataset) {
            case "notes" -> notes();
            case "questions" -> questions();
            case "answers" -> answers();
            case "statements" -> statements();
            case "polls" -> polls();
            default -> throw new IllegalArgumentException("no dataset " + dataset);
        };
    }

    /** Notes, texts and labelled shapes, with the frame they sit in (the smallest whose area holds their centre). */
    private Table notes() {
        Map<String, Map<String, Object>> objects = maps(board.get("objects"));
        List<Map<String, Object>> frames = objects.values().stream().filter(o -> "frame".equals(o.get("type"))).toList();
        List<List<Object>> rows = new ArrayList<>();
        objects.entrySet().stream()
                .filter(e -> WITH_TEXT.contains(String.valueOf(e.getValue().get("type"))))
                .sorted(Comparator.comparing((Map.Entry<String, Map<String, Object>> e) -> text(frameOf(e.getValue(), frames)))
                        .thenComparing(e -> number(e.getValue().get("y"))).thenComparing(e -> number(e.getValue().get("x"))))
                .forEach(e -> {
                    Map<String, Object> o = e.getValue();
                    rows.add(List.of(e.getKey(), o.get("type"), text(o.get("text")), text(frameOf(o, frames)), who(o.get("owner")),
                            count(o.get("votes")), text(o.get("color")), Boolean.TRUE.equals(o.get("locked"))));
                });
        return new Table(List.of("id", "type", "text", "frame", "author", "votes", "colour", "locked"), rows);
    }

    private Table questions() {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Map<String, Object>> answers = maps(workshop.get("answers"));
        maps(workshop.get("questions")).forEach((id, q) -> rows.add(List.of(id, text(q.get("text")), who(q.get("owner")),
                count(q.get("upvotes")), text(q.get("status")), Boolean.TRUE.equals(q.get("pinned")), text(q.get("mergedInto")),
                answers.values().stream().filter(a -> id.equals(a.get("question"))).count())));
        rows.sort(Comparator.comparing((List<Object> r) -> -((Number) r.get(3)).longValue()));
        return new Table(List.of("id", "text", "author", "upvotes", "status", "pinned", "mergedInto", "answers"), rows);
    }

    private Table answers() {
        List<List<Object>> rows = new ArrayList<>();
        maps(workshop.get("answers")).forEach((id, a) -> rows.add(List.of(id, text(a.get("question")), text(a.get("text")),
                who(a.get("owner")), count(a.get("upvotes")))));
        return new Table(List.of("id", "question", "text", "author", "upvotes"), rows);
    }

    /** Statements with how many agree (1), disagree (-1) and pass (0). */
    private Table statements() {
        List<List<Object>> rows = new ArrayList<>();
        maps(workshop.get("statements")).forEach((id, s) -> {
            Map<String, Object> votes = map(s.get("votes"));
            rows.add(List.of(id, text(s.get("text")), who(s.get("owner")), tally(votes, 1), tally(votes, -1), tally(votes, 0),
                    "hidden".equals(s.get("status"))));
        });
        return new Table(List.of("id", "text", "author", "agree", "disagree", "pass", "hidden"), rows);
    }

    /**
     * One row per poll and choice: how many chose it (a dot vote: how many dots it got). Open polls are counted from
     * their ballots, anonymous ones from the tally the server wrote (docs/dialogue.md); ballots themselves, which
     * name voters, are not exported.
     */
    private Table polls() {
        Map<String, Object> settings = map(workshop.get("workshop"));
        Map<String, Object> ballots = map(workshop.get("votes"));
        List<List<Object>> rows = new ArrayList<>();
        maps(settings.get("polls")).forEach((id, poll) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            boolean dots = "dots".equals(poll.get("kind"));
            List<Object> choices = list(dots ? poll.get("targets") : poll.get("options"));
            Map<String, Object> labels = map(poll.get("labels"));
            choices.forEach(c -> counts.put(String.valueOf(c), 0L));
            Map<String, Object> tally = map(poll.get("tally"));
            if (!tally.isEmpty()) {
                tally.forEach((choice, n) -> counts.put(choice, (long) number(n)));
            } else {
                map(ballots.get(id)).values().forEach(ballot -> {
                    for (Object choice : ballot instanceof List<?> l ? l : List.of(ballot)) {
                        counts.merge(String.valueOf(choice), 1L, Long::sum);
                    }
                });
            }
            counts.forEach((choice, n) -> rows.add(List.of(id, text(poll.get("question")), dots ? "dots" : "choice",
                    labels.containsKey(choice) ? text(labels.get(choice)) : choice, n, text(poll.get("state")))));
        });
        return new Table(List.of("poll", "question", "kind", "choice", "count", "state"), rows);
    }

    /** The frame's title an object sits in, or null. */
    private static Object frameOf(Map<String, Object> o, List<Map<String, Object>> frames) {
        double cx = number(o.get("x")) + number(o.get("w")) / 2;
        double cy = number(o.get("y")) + number(o.get("h")) / 2;
        Map<String, Object> best = null;
        for (Map<String, Object> f : frames) {
            if (f == o) {
                continue;
            }
            double x = number(f.get("x"));
            double y = number(f.get("y"));
            double w = number(f.get("w"));
            double h = number(f.get("h"));
            if (cx >= x && cx <= x + w && cy >= y && cy <= y + h
                    && (best == null || w * h < number(best.get("w")) * number(best.get("h")))) {
                best = f;
            }
        }
        return best == null ? null : best.get("text");
    }

    private String who(Object owner) {
        if (owner == null || Policies.ANONYMOUS_OWNER.equals(owner)) {
            return "";
        }
        return names.getOrDefault(String.valueOf(owner), "");
    }

    private static long tally(Map<String, Object> votes, int value) {
        return votes.values().stream().filter(v -> v instanceof Number n && n.intValue() == value).count();
    }

    private static int count(Object votes) {
        return map(votes).size();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> maps(Object value) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        map(value).forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                out.put(k, (Map<String, Object>) m);
            }
        });
        return out;
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }
}
