package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YArray;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import eu.vetnet.crdt.types.YXmlElement;
import eu.vetnet.crdt.types.YXmlFragment;
import eu.vetnet.crdt.types.YXmlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Edits a person makes in the app, some the rules allow and some they do not (a participant editing someone else's
 * note, voting for someone else, opening a poll...). Each runs in one transaction on a replica of the server's
 * document under the person's client id, so its update is exactly what a real (possibly modified) client sends.
 */
final class Intents {

    /** Who edits, the others in the room, and the case's random stream. */
    record Who(String me, List<String> others, SplittableRandom rng) {
        String other() {
            return others.get(rng.nextInt(others.size()));
        }

        String someone() {
            return rng.nextInt(3) == 0 ? me : other();
        }
    }

    interface Edit {
        void apply(YDoc d, Who w);
    }

    /** A named edit; {@code allowed} says whether a participant may make it (for the report only). */
    record Intent(String name, boolean allowed, Edit edit) {
    }

    static final List<String> BAD_COLOURS = List.of("#000000", "red", "url(https://tracker.example/c.png)", "#FFF3A3 ",
            "javascript:alert(1)");
    static final List<String> URLS = List.of("https://tracker.example/p.gif", "//tracker.example/p.gif",
            "data:image/svg+xml;base64,PHN2Zz4=", "data:text/html;base64,PGI+", "/api/rooms/r1/images/i1",
            "data:image/png;base64,iVBORw0KGgo=", "/\\tracker.example/p.gif", "http://localhost:8080/x.png");

    private Intents() {
    }

    /** The edits for {@code document}; {@code allowedOnly} keeps those a participant may make. */
    static List<Intent> forDocument(String document, boolean allowedOnly) {
        List<Intent> all = switch (document) {
            case "board" -> board();
            case "workshop" -> workshop();
            case "notes" -> notes();
            default -> free();
        };
        return allowedOnly ? all.stream().filter(Intent::allowed).toList() : all;
    }

    /** The update one transaction of {@code edit} makes on {@code replica}, or null when it changed nothing. */
    static byte[] run(YDoc replica, Edit edit, Who who) {
        List<byte[]> out = new ArrayList<>();
        var sub = replica.onUpdate((update, origin, txn) -> out.add(update));
        try {
            replica.transact(t -> edit.apply(replica, who));
        } catch (RuntimeException e) {
            return null; // e.g. a root another hostile update gave another type: this edit does not apply
        } finally {
            sub.close();
        }
        return out.isEmpty() ? null : out.get(out.size() - 1);
    }

    // ---- board ------------------------------------------------------------------------------------------

    static YMap object(String owner, SplittableRandom rng) {
        YMap m = new YMap();
        m.set("type", List.of("sticky", "frame", "shape", "connector").get(rng.nextInt(4)));
        m.set("owner", owner);
        m.set("x", rng.nextInt(1000));
        m.set("y", rng.nextInt(1000));
        m.set("text", rng.nextBoolean() ? new YText("idea " + rng.nextInt(100)) : "idea " + rng.nextInt(100));
        List<String> palette = new ArrayList<>(RulesOracle.paletteColours());
        m.set("color", palette.get(rng.nextInt(palette.size())));
        m.set("votes", new YMap());
        return m;
    }

    /**
     * A key for a new entry, as the app makes one (a random id): 64 random bits, so two new entries of a case do not
     * collide (with 2^20 they did about once in 20,000 cases, and an honest edit then replaced someone's entry).
     */
    static String newKey(String prefix, Who w) {
        return prefix + Long.toHexString(w.rng().nextLong());
    }

    private static String anyKey(YMap map, SplittableRandom rng) {
        List<String> keys = map.keys();
        return keys.isEmpty() ? null : keys.get(rng.nextInt(keys.size()));
    }

    /** A random entry of a root map of owned entries, as a map, or null. */
    private static YMap entry(YDoc d, String root, SplittableRandom rng) {
        String k = anyKey(d.getMap(root), rng);
        return k != null && d.getMap(root).get(k) instanceof YMap m ? m : null;
    }

    private static YMap ballots(YMap entry, String name) {
        return entry != null && entry.get(name) instanceof YMap m ? m : null;
    }

    private static List<Intent> board() {
        List<Intent> l = new ArrayList<>();
        l.add(new Intent("board-create-own", true, (d, w) -> d.getMap("objects").set(newKey("o", w), object(w.me(), w.rng()))));
        l.add(new Intent("board-vote-own", true, (d, w) -> {
            YMap v = ballots(entry(d, "objects", w.rng()), "votes");
            if (v != null) {
                v.set(w.me(), true);
            }
        }));
        l.add(new Intent("board-unvote-own", true, (d, w) -> {
            YMap v = ballots(entry(d, "objects", w.rng()), "votes");
            if (v != null) {
                v.delete(w.me());
            }
        }));
        l.add(new Intent("board-edit-own-text", true, (d, w) -> ownEntries(d, "objects", w).forEach(o -> edit(o, w))));
        l.add(new Intent("board-delete-own", true, (d, w) -> {
            for (String k : d.getMap("objects").keys()) {
                if (d.getMap("objects").get(k) instanceof YMap o && w.me().equals(o.get("owner")) && !locked(o) && w.rng().nextBoolean()) {
                    d.getMap("objects").delete(k);
                }
            }
        }));
        l.add(new Intent("board-own-image", true, (d, w) -> {
            YMap o = object(w.me(), w.rng());
            o.set("url", w.rng().nextBoolean() ? "data:image/png;base64,iVBORw0KGgo=" : "/api/rooms/r1/images/i" + w.rng().nextInt(9));
            d.getMap("objects").set(newKey("i", w), o);
        }));
        l.add(new Intent("board-scatter-delete-own", true, (d, w) -> ownEntries(d, "objects", w).forEach(o -> {
            if (o.get("text") instanceof YText t) {
                scatter(t, w);
            }
        })));
        l.add(new Intent("board-lock-any", false, (d, w) -> {
            YMap o = entry(d, "objects", w.rng());
            if (o != null) {
                o.set("locked", w.rng().nextInt(4) != 0);
            }
        }));
        l.add(new Intent("board-edit-own-locked", false, (d, w) -> {
            for (Object v : d.getMap("objects").entries().values()) {
                if (v instanceof YMap m && w.me().equals(m.get("owner")) && locked(m)) {
                    edit(m, w);
                }
            }
        }));
        l.add(new Intent("board-create-for-other", false, (d, w) -> d.getMap("objects").set(newKey("o", w), object(w.other(), w.rng()))));
        l.add(new Intent("board-create-without-owner", false, (d, w) -> {
            YMap o = object(w.me(), w.rng());
            o.delete("owner");
            d.getMap("objects").set(newKey("o", w), o);
        }));
        l.add(new Intent("board-bad-content", false, (d, w) -> {
            YMap o = w.rng().nextBoolean() ? entry(d, "objects", w.rng()) : null;
            if (o == null) {
                o = object(w.me(), w.rng());
                d.getMap("objects").set(newKey("o", w), o);
            }
            if (w.rng().nextBoolean()) {
                o.set("color", BAD_COLOURS.get(w.rng().nextInt(BAD_COLOURS.size())));
            } else {
                o.set("url", URLS.get(w.rng().nextInt(URLS.size())));
            }
        }));
        l.add(new Intent("board-edit-any", false, (d, w) -> {
            YMap o = entry(d, "objects", w.rng());
            if (o != null) {
                edit(o, w);
            }
        }));
        l.add(new Intent("board-vote-as-other", false, (d, w) -> {
            YMap v = ballots(entry(d, "objects", w.rng()), "votes");
            if (v != null) {
                if (w.rng().nextBoolean()) {
                    v.set(w.other(), true);
                } else {
                    String k = anyKey(v, w.rng());
                    if (k != null) {
                        v.delete(k);
                    }
                }
            }
        }));
        l.add(new Intent("board-delete-any", false, (d, w) -> {
            String k = anyKey(d.getMap("objects"), w.rng());
            if (k != null) {
                d.getMap("objects").delete(k);
            }
        }));
        l.add(new Intent("board-change-owner", false, (d, w) -> {
            YMap o = entry(d, "objects", w.rng());
            if (o != null) {
                o.set("owner", w.someone());
            }
        }));
        l.add(new Intent("board-replace-any", false, (d, w) -> {
            String k = anyKey(d.getMap("objects"), w.rng());
            if (k != null) {
                d.getMap("objects").set(k, object(w.me(), w.rng()));
            }
        }));
        l.add(new Intent("board-reset-own-votes", false, (d, w) -> ownEntries(d, "objects", w).forEach(o -> {
            if (w.rng().nextBoolean()) {
                o.set("votes", new YMap());
            } else {
                o.delete("votes");
            }
        })));
        l.add(new Intent("board-other-root", false, (d, w) -> otherRoot(d, w)));
        l.add(new Intent("board-deep-own", false, (d, w) -> deep(d.getMap("objects"), newKey("d", w), object(w.me(), w.rng()), w)));
        return l;
    }

    /** The entries {@code w} owns and may still change (a facilitator locked none of them). */
    private static List<YMap> ownEntries(YDoc d, String root, Who w) {
        List<YMap> own = new ArrayList<>();
        for (Object v : d.getMap(root).entries().values()) {
            if (v instanceof YMap m && w.me().equals(m.get("owner")) && !locked(m)) {
                own.add(m);
            }
        }
        return own;
    }

    private static boolean locked(YMap m) {
        return Boolean.TRUE.equals(m.get("locked"));
    }

    /** A small edit of an entry's content: its text, position or a new key. */
    private static void edit(YMap o, Who w) {
        switch (w.rng().nextInt(4)) {
            case 0 -> {
                if (o.get("text") instanceof YText t) {
                    t.insert(w.rng().nextInt(t.length() + 1), "edit" + w.rng().nextInt(10));
                } else {
                    o.set("text", "edited " + w.rng().nextInt(100));
                }
            }
            case 1 -> o.set("x", w.rng().nextInt(1000));
            case 2 -> {
                if (o.get("text") instanceof YText t && t.length() > 0) {
                    t.delete(0, 1 + w.rng().nextInt(t.length()));
                } else {
                    o.delete("x");
                }
            }
            default -> {
                YMap style = new YMap();
                style.set("bold", w.rng().nextBoolean());
                o.set("style", style);
            }
        }
    }

    /** Deletes every other character of a run of {@code t}: each deletion splits the text's item (a deletion is small). */
    private static void scatter(YText t, Who w) {
        int from = t.length() == 0 ? 0 : w.rng().nextInt(t.length());
        for (int i = Math.min(t.length() - 1, from + 2 * (1 + w.rng().nextInt(500))); i >= from; i -= 2) {
            t.delete(i, 1);
        }
    }

    /** Creates {@code first} at {@code key} in {@code parent} with a chain of maps below it, around the nesting cap. */
    private static void deep(YMap parent, String key, YMap first, Who w) {
        parent.set(key, first);
        int levels = List.of(5, 29, 30, 31, 32, 33, 40).get(w.rng().nextInt(7));
        YMap level = first;
        for (int i = 0; i < levels; i++) {
            YMap next = new YMap();
            level.set("child", next);
            level = next;
        }
        level.set("leaf", "deep " + levels);
    }

    private static void otherRoot(YDoc d, Who w) {
        switch (w.rng().nextInt(3)) {
            case 0 -> d.getMap("meta").set("title", "hijacked");
            case 1 -> d.getArray("list-" + w.rng().nextInt(3)).push(List.of("x", 1));
            default -> d.getText("t").insert(0, "text");
        }
    }

    // ---- workshop ---------------------------------------------------------------------------------------

    static YMap question(String owner, SplittableRandom rng) {
        YMap q = new YMap();
        q.set("text", "why " + rng.nextInt(100) + "?");
        q.set("owner", owner);
        q.set("upvotes", new YMap());
        return q;
    }

    /**
     * A facilitator's phase with rules (docs/rooms.md, "Phases"): phase {@code ph} allowing a random few of the
     * activities, or, now and then, a rule that is no list.
     */
    static void phaseRules(YMap settings, SplittableRandom rng) {
        settings.set("phase", "ph");
        YMap rules = new YMap();
        settings.set("phaseRules", rules);
        if (rng.nextInt(8) == 0) {
            rules.set("ph", "add");
            return;
        }
        List<String> allowed = new ArrayList<>();
        for (String activity : PhaseRules.activities().keySet()) {
            if (rng.nextBoolean()) {
                allowed.add(activity);
            }
        }
        rules.set("ph", allowed);
    }

    private static List<Intent> workshop() {
        List<Intent> l = new ArrayList<>();
        l.add(new Intent("workshop-ask", true, (d, w) -> d.getMap("questions").set(newKey("q", w), question(w.me(), w.rng()))));
        l.add(new Intent("workshop-upvote-own", true, (d, w) -> {
            YMap u = ballots(entry(d, "questions", w.rng()), "upvotes");
            if (u != null) {
                u.set(w.me(), true);
            }
        }));
        l.add(new Intent("workshop-poll-vote-own", true, (d, w) -> {
            String k = anyKey(d.getMap("votes"), w.rng());
            YMap poll = k != null && d.getMap("votes").get(k) instanceof YMap m ? m : null;
            YMap described = k == null ? null : description(d, k);
            if (poll == null || (described != null && ("closed".equals(described.get("state"))
                    || Boolean.TRUE.equals(described.get("anonymous"))))) {
                return; // nothing to vote in here: a closed poll takes no ballot, an anonymous one takes it by REST
            }
            if (w.rng().nextInt(4) == 0) {
                poll.delete(w.me());
            } else {
                poll.set(w.me(), validBallot(described, w.rng()));
            }
        }));
        l.add(new Intent("workshop-answer", true, (d, w) -> {
            YMap a = new YMap();
            a.set("question", anyKey(d.getMap("questions"), w.rng()));
            a.set("text", "because " + w.rng().nextInt(100));
            a.set("owner", w.me());
            a.set("upvotes", new YMap());
            d.getMap("answers").set(newKey("a", w), a);
        }));
        l.add(new Intent("workshop-describe-poll", false, (d, w) -> {
            String k = newKey("p", w);
            YMap p = new YMap();
            p.set("question", "which?");
            p.set("state", w.rng().nextInt(3) == 0 ? "closed" : "open");
            if (w.rng().nextInt(4) == 0) {
                p.set("anonymous", true);
            }
            if (w.rng().nextBoolean()) {
                p.set("kind", "dots");
                p.set("budget", w.rng().nextInt(4));
                p.set("targets", List.of("o1", "o2", "o3"));
            } else {
                p.set("options", List.of("A", "B"));
            }
            YMap polls = d.getMap("workshop").get("polls") instanceof YMap m ? m : new YMap();
            if (polls.doc() == null) {
                d.getMap("workshop").set("polls", polls);
            }
            polls.set(k, p);
            d.getMap("votes").set(k, new YMap());
        }));
        l.add(new Intent("workshop-close-described-poll", false, (d, w) -> {
            if (d.getMap("workshop").get("polls") instanceof YMap polls) {
                String k = anyKey(polls, w.rng());
                if (k != null && polls.get(k) instanceof YMap p) {
                    p.set("state", "closed");
                }
            }
        }));
        l.add(new Intent("workshop-ballot-off-description", false, (d, w) -> {
            YMap poll = entry(d, "votes", w.rng());
            if (poll != null) {
                Object[] bad = {List.of("o1", "o1", "o1", "o1"), List.of("elsewhere"), "o1", "C", List.of("A"), 7};
                poll.set(w.me(), bad[w.rng().nextInt(bad.length)]);
            }
        }));
        l.add(new Intent("workshop-state", true, (d, w) -> {
            YMap st = new YMap();
            st.set("text", "we should " + w.rng().nextInt(100));
            st.set("owner", w.me());
            st.set("votes", new YMap());
            d.getMap("statements").set(newKey("s", w), st);
        }));
        l.add(new Intent("workshop-vote-statement", true, (d, w) -> {
            YMap votes = ballots(entry(d, "statements", w.rng()), "votes");
            if (votes != null) {
                votes.set(w.me(), w.rng().nextInt(3) - 1);
            }
        }));
        l.add(new Intent("workshop-statement-bad-ballot", false, (d, w) -> {
            YMap votes = ballots(entry(d, "statements", w.rng()), "votes");
            if (votes != null) {
                Object[] bad = {2, -5, "agree", true, 0.5, List.of(1)};
                votes.set(w.me(), bad[w.rng().nextInt(bad.length)]);
            }
        }));
        l.add(new Intent("workshop-statement-long-or-hidden", false, (d, w) -> {
            for (Object v : d.getMap("statements").entries().values()) {
                if (v instanceof YMap st && w.me().equals(st.get("owner"))) {
                    if (w.rng().nextBoolean()) {
                        st.set("status", "hidden");
                    } else {
                        st.set("text", "x".repeat(281));
                    }
                }
            }
        }));
        l.add(new Intent("workshop-moderate-own-question", false, (d, w) -> {
            for (Object v : d.getMap("questions").entries().values()) {
                if (v instanceof YMap q && w.me().equals(q.get("owner"))) {
                    q.set(List.of("status", "pinned", "mergedInto").get(w.rng().nextInt(3)), "answered");
                }
            }
        }));
        l.add(new Intent("workshop-edit-own-question", true, (d, w) -> ownEntries(d, "questions", w).forEach(q -> q.set("text", "edited"))));
        l.add(new Intent("workshop-delete-own-question", true, (d, w) -> {
            for (String k : d.getMap("questions").keys()) {
                if (d.getMap("questions").get(k) instanceof YMap q && w.me().equals(q.get("owner"))) {
                    d.getMap("questions").delete(k);
                }
            }
        }));
        l.add(new Intent("workshop-phase", false, (d, w) -> d.getMap("workshop").set("phase", "phase-" + w.rng().nextInt(5))));
        l.add(new Intent("workshop-phase-rules", false, (d, w) -> phaseRules(d.getMap("workshop"), w.rng())));
        l.add(new Intent("workshop-strict-statements", false, (d, w) -> d.getMap("workshop").set("statementModeration", "strict")));
        // Lifts what holds participants back beyond their role: the phase's rule and strict moderation.
        l.add(new Intent("workshop-open-phase", false, (d, w) -> {
            d.getMap("workshop").delete("phaseRules");
            d.getMap("workshop").delete("statementModeration");
        }));
        l.add(new Intent("workshop-timer", false, (d, w) -> {
            if (d.getMap("workshop").get("timer") instanceof YMap t) {
                t.set("running", w.rng().nextBoolean());
            } else {
                YMap t = new YMap();
                t.set("seconds", 300);
                d.getMap("workshop").set("timer", t);
            }
        }));
        l.add(new Intent("workshop-agenda", false, (d, w) -> {
            if (d.getMap("workshop").get("agenda") instanceof YArray a) {
                a.push(List.of("item " + w.rng().nextInt(10)));
            } else {
                YArray a = new YArray();
                a.push(List.of("welcome", "ideas", "vote"));
                d.getMap("workshop").set("agenda", a);
            }
        }));
        l.add(new Intent("workshop-ask-for-other", false, (d, w) -> d.getMap("questions").set(newKey("q", w), question(w.other(), w.rng()))));
        l.add(new Intent("workshop-upvote-as-other", false, (d, w) -> {
            YMap u = ballots(entry(d, "questions", w.rng()), "upvotes");
            if (u != null) {
                u.set(w.other(), true);
            }
        }));
        l.add(new Intent("workshop-poll-vote-as-other", false, (d, w) -> {
            YMap poll = entry(d, "votes", w.rng());
            if (poll != null) {
                poll.set(w.other(), "choice-0");
            }
        }));
        l.add(new Intent("workshop-open-poll", false, (d, w) -> d.getMap("votes").set(newKey("p", w), new YMap())));
        l.add(new Intent("workshop-close-poll", false, (d, w) -> {
            String k = anyKey(d.getMap("votes"), w.rng());
            if (k != null) {
                d.getMap("votes").delete(k);
            }
        }));
        l.add(new Intent("workshop-edit-any-question", false, (d, w) -> {
            YMap q = entry(d, "questions", w.rng());
            if (q != null) {
                q.set(w.rng().nextBoolean() ? "text" : "owner", w.me());
            }
        }));
        l.add(new Intent("workshop-delete-any-question", false, (d, w) -> {
            String k = anyKey(d.getMap("questions"), w.rng());
            if (k != null) {
                d.getMap("questions").delete(k);
            }
        }));
        l.add(new Intent("workshop-other-root", false, Intents::otherRoot));
        l.add(new Intent("workshop-deep-question", false, (d, w) -> deep(d.getMap("questions"), newKey("q", w), question(w.me(), w.rng()), w)));
        return l;
    }

    /** The poll {@code k} as the facilitator described it, or null. */
    private static YMap description(YDoc d, String k) {
        return d.getMap("workshop").get("polls") instanceof YMap polls && polls.get(k) instanceof YMap p ? p : null;
    }

    /** A ballot the description allows (any choice for an undescribed poll). */
    private static Object validBallot(YMap described, SplittableRandom rng) {
        if (described == null) {
            return "choice-" + rng.nextInt(3);
        }
        if ("dots".equals(described.get("kind"))) {
            int budget = described.get("budget") instanceof Number n ? n.intValue() : 0;
            List<?> targets = described.get("targets") instanceof List<?> t ? t : List.of();
            List<Object> dots = new ArrayList<>();
            for (int i = rng.nextInt(budget + 1); i > 0 && !targets.isEmpty(); i--) {
                dots.add(targets.get(rng.nextInt(targets.size())));
            }
            return dots;
        }
        List<?> options = described.get("options") instanceof List<?> o ? o : List.of();
        return options.isEmpty() ? "choice-0" : options.get(rng.nextInt(options.size()));
    }

    // ---- notes ------------------------------------------------------------------------------------------

    private static List<Intent> notes() {
        List<Intent> l = new ArrayList<>();
        l.add(new Intent("notes-paragraph", true, (d, w) -> {
            YXmlFragment f = d.getXmlFragment("default");
            YXmlElement p = new YXmlElement(w.rng().nextBoolean() ? "paragraph" : "heading");
            f.insert(w.rng().nextInt(f.length() + 1), List.of(p));
            YXmlText t = new YXmlText();
            p.insert(0, List.of(t));
            t.insert(0, "line " + w.rng().nextInt(100) + (w.rng().nextInt(8) == 0 ? " \uD83D\uDE00" : ""));
        }));
        l.add(new Intent("notes-edit", true, (d, w) -> {
            YXmlText t = someText(d.getXmlFragment("default"), w.rng());
            if (t != null) {
                switch (w.rng().nextInt(3)) {
                    case 0 -> t.insert(w.rng().nextInt(t.length() + 1), "typed");
                    case 1 -> {
                        if (t.length() > 0) {
                            t.delete(w.rng().nextInt(t.length()), 1);
                        }
                    }
                    default -> t.format(0, Math.max(1, t.length()), Map.of("bold", true));
                }
            }
        }));
        l.add(new Intent("notes-scatter-delete", true, (d, w) -> {
            YXmlText t = someText(d.getXmlFragment("default"), w.rng());
            if (t != null) {
                scatter(t, w);
            }
        }));
        l.add(new Intent("notes-delete-node", true, (d, w) -> {
            YXmlFragment f = d.getXmlFragment("default");
            if (f.length() > 0) {
                f.delete(w.rng().nextInt(f.length()), 1);
            }
        }));
        l.add(new Intent("notes-attribute", true, (d, w) -> {
            YXmlFragment f = d.getXmlFragment("default");
            if (f.length() > 0 && f.get(w.rng().nextInt(f.length())) instanceof YXmlElement e) {
                e.setAttribute("level", w.rng().nextInt(3));
            }
        }));
        l.add(new Intent("notes-deep", false, (d, w) -> {
            YXmlFragment f = d.getXmlFragment("default");
            YXmlElement e = new YXmlElement("bulletList");
            f.push(List.of(e));
            int levels = List.of(5, 29, 30, 31, 32, 33, 40).get(w.rng().nextInt(7));
            for (int i = 0; i < levels; i++) {
                YXmlElement next = new YXmlElement(i % 2 == 0 ? "listItem" : "bulletList");
                e.insert(0, List.of(next));
                e = next;
            }
            YXmlText t = new YXmlText();
            e.insert(0, List.of(t));
            t.insert(0, "deep " + levels);
        }));
        l.add(new Intent("notes-other-root", false, Intents::otherRoot));
        return l;
    }

    private static YXmlText someText(YXmlFragment f, SplittableRandom rng) {
        List<YXmlText> texts = new ArrayList<>();
        collectTexts(f, texts, 0);
        return texts.isEmpty() ? null : texts.get(rng.nextInt(texts.size()));
    }

    private static void collectTexts(YXmlFragment f, List<YXmlText> out, int depth) {
        if (depth > 50) {
            return;
        }
        for (Object c : f.toList()) {
            if (c instanceof YXmlText t) {
                out.add(t);
            } else if (c instanceof YXmlFragment e) {
                collectTexts(e, out, depth + 1);
            }
        }
    }

    // ---- user-added and read-only documents: free-form ------------------------------------------------------

    private static List<Intent> free() {
        List<Intent> l = new ArrayList<>();
        l.add(new Intent("free-map", true, (d, w) -> d.getMap("ideas").set("k" + w.rng().nextInt(20), w.rng().nextInt(100))));
        l.add(new Intent("free-text", true, (d, w) -> d.getText("text").insert(0, "free " + w.rng().nextInt(10))));
        l.add(new Intent("free-array", true, (d, w) -> d.getArray("list").push(List.of(w.rng().nextInt(10), "v"))));
        l.add(new Intent("free-scatter-delete", true, (d, w) -> scatter(d.getText("text"), w)));
        l.add(new Intent("free-nested", true, (d, w) -> deep(d.getMap("ideas"), "n" + w.rng().nextInt(20), new YMap(), w)));
        return l;
    }
}
