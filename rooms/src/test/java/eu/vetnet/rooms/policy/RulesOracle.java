package eu.vetnet.rooms.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The write rules of docs/rooms.md ("Roles and permissions", "Document schemas", "Board content"), stated again on
 * what a document holds before and after an applied update (as {@link RulesJson} renders it), without the policy
 * classes: whatever the bytes of an update were, the change they made must be one the person who sent it may make.
 *
 * <ul>
 *   <li>observers (and participants on a read-only document) change nothing;
 *   <li>board: participants change only the map {@code objects}; an entry they add is a map with {@code owner} = them;
 *       they change or remove only entries they own, never an owner; in anyone's entry they add or remove only their
 *       own key of {@code votes}; deleting their own entry takes everything in it (others' votes included), any other
 *       change of others' votes is not theirs to make;
 *   <li>board: nobody but a facilitator sets or removes an object's {@code locked}; a locked object changes for no
 *       participant, its owner included, beyond their own ballot;
 *   <li>workshop: participants leave {@code workshop} alone, treat {@code questions} and {@code answers} as the board's
 *       objects (ballots {@code upvotes}; a question's {@code status}, {@code pinned}, {@code mergedInto} are the
 *       facilitator's), and in {@code votes} change only their own key of an existing poll; of a poll described in
 *       {@code workshop/polls}: never once it is closed, a dot ballot a list of its targets within its budget, a choice
 *       one of its options; none at all in an anonymous poll; {@code statements} as questions (ballots {@code votes}, each 1, -1 or 0; {@code status} the
 *       facilitator's), a statement's text a string of at most 280 characters;
 *   <li>notes: participants change only {@code default};
 *   <li>board, every writer: a {@code color} one of the palette, a {@code url} a data:image URL or our own image path;
 *   <li>workshop, strict moderation ({@code workshop/statementModeration} "strict" before the update): a participant's
 *       change in {@code statements} is only within an existing statement's {@code votes};
 *   <li>phases: when the workshop's {@code phaseRules} has a rule for its {@code phase}, a participant's change in the
 *       board, the workshop, the notes or their private board is only of the kinds it lists, named by what changed:
 *       {@code add} (a new board entry), {@code edit} (a board entry changed or removed, its ballots aside), {@code vote}
 *       (ballots on board entries, anything in {@code votes}), {@code ask} ({@code questions}, {@code answers}),
 *       {@code statements}, {@code write} (the notes); a rule that is no list allows nothing;
 *   <li>every writer's content sits at most {@link #MAX_NESTING} types below its root, in every document; no writer
 *       adds a subdocument.
 * </ul>
 */
final class RulesOracle {

    enum Role { FACILITATOR, PARTICIPANT, OBSERVER }

    static final int MAX_NESTING = 32;
    static final Set<String> POLICED = Set.of("board", "workshop", "notes");

    private static final Pattern DATA_IMAGE = Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}");
    private static final Pattern OWN_IMAGE = Pattern.compile("/api/rooms/[^/?#\\\\\\s]+/images/[^/?#\\\\\\s]+");
    private static final Set<String> PALETTE = palette();

    private RulesOracle() {
    }

    /** The role table of docs/rooms.md, "Roles and permissions". */
    static Role role(String user, Set<String> realmRoles, boolean dialogue, String owner, List<String> facilitators,
            List<String> participants, List<String> observers, String document, boolean readOnlyDocument) {
        if (realmRoles.contains("admin") || user.equals(owner) || facilitators.contains(user)) {
            return Role.FACILITATOR;
        }
        if (participants.contains(user)) {
            return readOnlyDocument ? Role.OBSERVER : Role.PARTICIPANT;
        }
        if (observers.contains(user)) {
            // A dialogue session's observer holds a seat with a voice: the workshop document's questions and votes.
            return dialogue && "workshop".equals(document) ? Role.PARTICIPANT : Role.OBSERVER;
        }
        return null;
    }

    /**
     * Everything wrong with the change from {@code before} to {@code after} made by {@code me} in {@code document},
     * with the room's workshop document as it was ({@code workshop}: its phase and rules).
     */
    static List<String> judge(String document, Role role, String me, JsonNode before, JsonNode after, JsonNode workshop) {
        List<String> v = new ArrayList<>();
        if (role == Role.OBSERVER) {
            if (!before.equals(after)) {
                v.add("an observer's update changed " + document + ": " + changedRoots(before, after));
            }
            return v;
        }
        // Every writer, every document ("What the server checks", 2 and 3).
        nesting(before, after, v);
        subdocuments(before, after, v);
        if ("board".equals(document)) {
            boardContent(before, after, v);
        }
        if (role == Role.FACILITATOR || !POLICED.contains(document)) {
            return v;
        }
        switch (document) {
            case "board" -> {
                onlyRoots(before, after, Set.of("objects"), v);
                owned("objects", "votes", Set.of("locked"), true, before, after, me, v);
            }
            case "workshop" -> {
                onlyRoots(before, after, Set.of("questions", "answers", "statements", "votes"), v);
                owned("statements", "votes", Set.of("status"), false, before, after, me, v);
                statementValues(before, after, v);
                strictStatements(before, after, v);
                owned("questions", "upvotes", Set.of("status", "pinned", "mergedInto"), false, before, after, me, v);
                owned("answers", "upvotes", Set.of(), false, before, after, me, v);
                polls(before, after, me, v);
            }
            case "notes" -> onlyRoots(before, after, Set.of("default"), v);
            default -> throw new IllegalArgumentException(document);
        }
        phase(document, workshop, before, after, v);
        return v;
    }

    /** Under strict moderation a statement comes only through the server: participants change ballots alone. */
    private static void strictStatements(JsonNode before, JsonNode after, List<String> v) {
        if (!"strict".equals(before.path("workshop").path("map").path("statementModeration").asString(""))) {
            return;
        }
        changedEntries(before, after, "statements", (k, was, is) -> {
            if (was == null || is == null || !same(withoutVotes(was), withoutVotes(is))) {
                v.add("under strict moderation a participant's change reached statements/" + k + " beyond its votes: " + was + " -> " + is);
            }
        });
    }

    interface EntryChange {
        void changed(String key, JsonNode was, JsonNode is);
    }

    /** Each entry of root map {@code root} that differs between the two documents (null where absent). */
    private static void changedEntries(JsonNode before, JsonNode after, String root, EntryChange change) {
        JsonNode b = before.path(root).path("map");
        JsonNode a = after.path(root).path("map");
        Set<String> keys = new TreeSet<>(b.propertyNames());
        keys.addAll(a.propertyNames());
        for (String k : keys) {
            if (!same(b.get(k), a.get(k))) {
                change.changed(k, b.get(k), a.get(k));
            }
        }
    }

    /** The kinds of change the current phase allows, or null when it has no rule (docs/rooms.md, "Phases"). */
    private static Set<String> phaseAllows(JsonNode workshop) {
        JsonNode settings = workshop.path("workshop").path("map");
        JsonNode phase = settings.path("phase");
        JsonNode rule = settings.path("phaseRules").path("map").path(phase.isString() ? phase.asString() : "");
        if (!phase.isString() || rule.isMissingNode() || rule.isNull()) {
            return null;
        }
        Set<String> allowed = new TreeSet<>();
        if (rule.isArray()) {
            rule.forEach(a -> allowed.add(a.asString()));
        }
        return allowed;
    }

    private static void phase(String document, JsonNode workshop, JsonNode before, JsonNode after, List<String> v) {
        Set<String> allowed = phaseAllows(workshop);
        if (allowed == null) {
            return;
        }
        Set<String> kinds = new TreeSet<>();
        switch (document) {
            case "board" -> changedEntries(before, after, "objects", (k, was, is) -> {
                if (was == null) {
                    kinds.add("add");
                    if (!is.path("map").path("votes").path("map").isEmpty()) {
                        kinds.add("vote");
                    }
                } else if (is == null) {
                    kinds.add("edit");
                } else {
                    if (!same(was.path("map").path("votes"), is.path("map").path("votes"))) {
                        kinds.add("vote");
                    }
                    if (!same(withoutVotes(was), withoutVotes(is))) {
                        kinds.add("edit");
                    }
                }
            });
            case "workshop" -> {
                for (String root : changedRoots(before, after)) {
                    switch (root) {
                        case "questions", "answers" -> kinds.add("ask");
                        case "statements" -> kinds.add("statements");
                        case "votes" -> kinds.add("vote");
                        default -> { } // the facilitator's: judged above
                    }
                }
            }
            default -> {
                if (!changedRoots(before, after).isEmpty()) {
                    kinds.add("write");
                }
            }
        }
        kinds.removeAll(allowed);
        if (!kinds.isEmpty()) {
            v.add("a participant's change of kind " + kinds + " was applied in a phase that allows only " + allowed);
        }
    }

    private static JsonNode withoutVotes(JsonNode entry) {
        JsonNode copy = entry.deepCopy();
        if (copy.path("map") instanceof tools.jackson.databind.node.ObjectNode m) {
            m.remove("votes");
        }
        return copy;
    }

    /** No new subdocument anywhere (nothing in VET-NET uses them). */
    private static void subdocuments(JsonNode before, JsonNode after, List<String> v) {
        if (count(after, "$doc") > count(before, "$doc")) {
            v.add("a subdocument was added");
        }
    }

    private static int count(JsonNode n, String tag) {
        int c = n.isObject() && n.has(tag) ? 1 : 0;
        for (JsonNode child : n) {
            c += count(child, tag);
        }
        return c;
    }

    private static void onlyRoots(JsonNode before, JsonNode after, Set<String> allowed, List<String> v) {
        for (String root : changedRoots(before, after)) {
            if (!allowed.contains(root)) {
                v.add("a participant changed the root '" + root + "' (only " + allowed + "): " + before.get(root) + " -> " + after.get(root));
            }
        }
    }

    private static Set<String> changedRoots(JsonNode before, JsonNode after) {
        Set<String> roots = new TreeSet<>(before.propertyNames());
        roots.addAll(after.propertyNames());
        roots.removeIf(r -> same(before.get(r), after.get(r)));
        return roots;
    }

    /** A root map of owned entries: {@code objects} (ballots {@code votes}) or {@code questions} ({@code upvotes}). */
    private static void owned(String rootName, String ballots, Set<String> reserved, boolean locks, JsonNode before,
            JsonNode after, String me, List<String> v) {
        JsonNode b = before.path(rootName);
        JsonNode a = after.path(rootName);
        if (!same(b.get("list"), a.get("list"))) {
            v.add(rootName + " got list content, it is a map: " + a.get("list"));
        }
        Set<String> keys = new TreeSet<>(names(b.get("map")));
        keys.addAll(names(a.get("map")));
        for (String key : keys) {
            JsonNode bv = b.path("map").get(key);
            JsonNode av = a.path("map").get(key);
            if (same(bv, av)) {
                continue;
            }
            String at = rootName + "/" + key;
            if (locks && bv != null && isMap(bv) && bv.path("map").path("locked").isBoolean() && bv.path("map").path("locked").asBoolean()
                    && (av == null || !same(withoutBallot(bv, ballots, me), withoutBallot(av, ballots, me)))) {
                v.add(at + " is locked and was changed by " + me + " beyond their own " + ballots);
                continue;
            }
            if (av != null) {
                for (String field : reserved) {
                    JsonNode was = bv == null || !isMap(bv) ? null : bv.path("map").get(field);
                    JsonNode now = isMap(av) ? av.path("map").get(field) : null;
                    if (!same(was, now)) {
                        v.add(at + "/" + field + " set by participant " + me + ": " + was + " -> " + now);
                    }
                }
            }
            if (bv == null) {
                if (!me.equals(owner(av))) {
                    v.add(at + " added without owner " + me + ": " + av);
                } else if (holdsOthersBallots(av, ballots, me)) {
                    v.add(at + " added with others' " + ballots + ": " + av);
                }
            } else if (av == null) {
                if (!me.equals(owner(bv))) {
                    v.add(at + " of " + owner(bv) + " removed by " + me);
                }
            } else if (me.equals(owner(bv))) {
                if (!me.equals(owner(av))) {
                    v.add(at + " changed its owner from " + me + " to " + owner(av));
                }
                if (!othersBallots(bv, ballots, me).equals(othersBallots(av, ballots, me))) {
                    v.add(at + ": its owner " + me + " changed others' " + ballots + " without deleting the entry: "
                            + bv.path("map").get(ballots) + " -> " + av.path("map").get(ballots));
                }
            } else if (!same(withoutBallot(bv, ballots, me), withoutBallot(av, ballots, me))) {
                v.add(at + " of " + owner(bv) + " changed by " + me + " beyond their own " + ballots + ": " + bv + " -> " + av);
            }
        }
    }

    /** The workshop's polls: no new or removed poll; in a poll, only the sender's own key. */
    private static void polls(JsonNode before, JsonNode after, String me, List<String> v) {
        JsonNode b = before.path("votes");
        JsonNode a = after.path("votes");
        if (!same(b.get("list"), a.get("list"))) {
            v.add("votes got list content: " + a.get("list"));
        }
        Set<String> keys = new TreeSet<>(names(b.get("map")));
        keys.addAll(names(a.get("map")));
        for (String poll : keys) {
            JsonNode bv = b.path("map").get(poll);
            JsonNode av = a.path("map").get(poll);
            if (same(bv, av)) {
                continue;
            }
            if (bv == null || av == null) {
                v.add("votes/" + poll + (bv == null ? " opened" : " removed") + " by participant " + me);
            } else if (!isMap(bv) || !same(without(bv, me), without(av, me))) {
                v.add("votes/" + poll + " changed beyond " + me + "'s own vote: " + bv + " -> " + av);
            } else {
                ballot(before, poll, bv.path("map").get(me), av.path("map").get(me), me, v);
            }
        }
    }

    /** Every statement's text a short string, every vote on one 1, -1 or 0 (where they changed). */
    private static void statementValues(JsonNode before, JsonNode after, List<String> v) {
        JsonNode b = before.path("statements").path("map");
        JsonNode a = after.path("statements").path("map");
        for (String key : names(a)) {
            JsonNode now = a.get(key);
            JsonNode was = b.get(key);
            if (!isMap(now) || same(was, now)) {
                continue;
            }
            JsonNode text = now.path("map").get("text");
            JsonNode oldText = isMap(was) ? was.path("map").get("text") : null;
            if (text != null && !same(text, oldText) && !(text.isString() && text.asString().length() <= 280)) {
                v.add("statements/" + key + "/text is not a short plain text: " + abbreviate(text.toString()));
            }
            JsonNode votes = now.path("map").get("votes");
            JsonNode oldVotes = isMap(was) ? was.path("map").get("votes") : null;
            if (isMap(votes)) {
                for (String voter : names(votes.path("map"))) {
                    JsonNode ballot = votes.path("map").get(voter);
                    JsonNode old = isMap(oldVotes) ? oldVotes.path("map").get(voter) : null;
                    if (!same(ballot, old) && !(ballot.isIntegralNumber() && Math.abs(ballot.asLong()) <= 1)) {
                        v.add("statements/" + key + "/votes/" + voter + " is not 1, -1 or 0: " + ballot);
                    }
                }
            }
        }
    }

    /** {@code me}'s ballot in {@code poll} went from {@code was} to {@code now}: what the poll's description allows. */
    private static void ballot(JsonNode before, String poll, JsonNode was, JsonNode now, String me, List<String> v) {
        JsonNode described = before.path("workshop").path("map").path("polls").path("map").get(poll);
        if (!isMap(described) || same(was, now)) {
            return;
        }
        JsonNode d = described.path("map");
        String at = "votes/" + poll + "/" + me;
        if ("closed".equals(d.path("state").asString(""))) {
            v.add(at + " changed after the poll closed: " + was + " -> " + now);
            return;
        }
        if (d.path("anonymous").isBoolean() && d.path("anonymous").asBoolean()) {
            v.add(at + " written in the document of an anonymous poll (its ballots go to the server): " + was + " -> " + now);
            return;
        }
        if (now == null) {
            return; // withdrawn while open
        }
        if ("dots".equals(d.path("kind").asString(""))) {
            int budget = d.path("budget").isNumber() ? d.path("budget").asInt() : 0;
            Set<String> targets = new LinkedHashSet<>();
            d.path("targets").forEach(x -> targets.add(x.isString() ? x.asString() : "\u0000"));
            boolean ok = now.isArray() && now.size() <= budget;
            for (JsonNode dot : now) {
                ok &= dot.isString() && targets.contains(dot.asString());
            }
            if (!ok) {
                v.add(at + " is not a list of at most " + budget + " of " + targets + ": " + now);
            }
        } else if (d.path("options").isArray()) {
            boolean ok = false;
            for (JsonNode option : d.path("options")) {
                ok |= option.equals(now) && now.isString();
            }
            if (!ok) {
                v.add(at + " is not one of " + d.path("options") + ": " + now);
            }
        }
    }

    private static void boardContent(JsonNode before, JsonNode after, List<String> v) {
        JsonNode objects = after.path("objects").path("map");
        for (String key : names(objects)) {
            JsonNode object = objects.get(key);
            JsonNode previous = before.path("objects").path("map").get(key);
            for (String field : List.of("color", "url")) {
                JsonNode value = object.path("map").get(field);
                JsonNode was = previous == null ? null : previous.path("map").get(field);
                if (value == null || same(value, was)) {
                    continue;
                }
                boolean ok = value.isString() && ("color".equals(field)
                        ? PALETTE.contains(value.asString().toLowerCase())
                        : DATA_IMAGE.matcher(value.asString()).matches() || OWN_IMAGE.matcher(value.asString()).matches());
                if (!ok) {
                    v.add("objects/" + key + "/" + field + " set to " + abbreviate(value.toString()));
                }
            }
        }
    }

    /** No new content in a type more than {@link #MAX_NESTING} levels below its root (the root is level 1). */
    private static void nesting(JsonNode before, JsonNode after, List<String> v) {
        Map<String, Integer> was = new HashMap<>();
        deepTypes(before, was);
        Map<String, Integer> now = new HashMap<>();
        deepTypes(after, now);
        for (Map.Entry<String, Integer> e : now.entrySet()) {
            if (e.getValue() > was.getOrDefault(e.getKey(), 0)) {
                v.add("content " + (MAX_NESTING + 1) + " types below a root: " + abbreviate(e.getKey()));
            }
        }
    }

    private static void deepTypes(JsonNode doc, Map<String, Integer> out) {
        for (String root : names(doc)) {
            walk(doc.get(root), 1, out);
        }
    }

    private static void walk(JsonNode type, int level, Map<String, Integer> out) {
        if (level > MAX_NESTING && (type.has("map") || type.has("list"))) {
            out.merge(type.toString(), 1, Integer::sum);
            return;
        }
        List<JsonNode> children = new ArrayList<>();
        type.path("map").forEach(children::add);
        type.path("list").forEach(children::add);
        for (JsonNode c : children) {
            if (c.isObject() && c.has("type")) {
                walk(c, level + 1, out);
            }
        }
    }

    private static boolean isMap(JsonNode n) {
        if (n == null || !n.isObject()) {
            return false;
        }
        String type = n.path("type").asString("");
        return type.equals("YMap") || type.equals("YXmlHook");
    }

    private static String owner(JsonNode entry) {
        JsonNode o = isMap(entry) ? entry.path("map").get("owner") : null;
        return o != null && o.isString() ? o.asString() : null;
    }

    /**
     * The entry's ballot box without {@code me}'s ballot (an empty object when there is no box); a box that is not a map
     * counts whole. Both sides of the box are kept: content a writer put into its list side is nobody's ballot, but
     * nobody else may change it either.
     */
    private static JsonNode othersBallots(JsonNode entry, String ballots, String me) {
        JsonNode box = entry.path("map").get(ballots);
        if (box == null) {
            return RulesJson.MAPPER.createObjectNode();
        }
        return isMap(box) ? without(box, me) : box;
    }

    /**
     * Whether an entry's ballot box holds anything but {@code me}'s ballot: a type with content on either side, or a plain
     * object or array that is not empty (it could be read as ballots); a plain scalar holds nobody's ballot.
     */
    private static boolean holdsOthersBallots(JsonNode entry, String ballots, String me) {
        JsonNode others = othersBallots(entry, ballots, me);
        if (others.has("type")) {
            return others.has("map") || others.has("list");
        }
        return others.isContainer() && !others.isEmpty();
    }

    private static JsonNode withoutBallot(JsonNode entry, String ballots, String me) {
        if (!isMap(entry) || !isMap(entry.path("map").get(ballots))) {
            return entry;
        }
        ObjectNode copy = (ObjectNode) entry.deepCopy();
        ((ObjectNode) copy.get("map")).set(ballots, without(entry.path("map").get(ballots), me));
        return copy;
    }

    /** A type node without map key {@code key}, in the rendering's normal form (no empty "map"). */
    private static JsonNode without(JsonNode type, String key) {
        ObjectNode copy = (ObjectNode) type.deepCopy();
        if (copy.get("map") instanceof ObjectNode map) {
            map.remove(key);
            if (map.isEmpty()) {
                copy.remove("map");
            }
        }
        return copy;
    }

    private static Set<String> names(JsonNode n) {
        Set<String> out = new LinkedHashSet<>();
        if (n != null && n.isObject()) {
            out.addAll(n.propertyNames());
        }
        return out;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    /** Every colour in frontend/src/board/palette.json (copied beside the policies at build time), lower case. */
    private static Set<String> palette() {
        try (InputStream in = RulesOracle.class.getResourceAsStream("palette.json")) {
            if (in == null) {
                throw new IllegalStateException("palette.json is not on the test classpath");
            }
            Set<String> out = new LinkedHashSet<>();
            collect(RulesJson.MAPPER.readTree(in), out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode n, Set<String> out) {
        if (n.isString() && n.asString().matches("#[0-9a-fA-F]{6}")) {
            out.add(n.asString().toLowerCase());
        }
        n.forEach(c -> collect(c, out));
    }

    static Set<String> paletteColours() {
        return PALETTE;
    }
}
