package eu.vetnet.rooms.publish;

import eu.vetnet.rooms.render.NotesTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the people out of what a room holds before it is published (docs/rooms.md, "Publishing"). Everyone the room
 * knows (its names directory, access list, sessions, the publisher) becomes "Participant N": a user id or username
 * used as a key or value (an owner, a voter) becomes {@code participant-N}; every occurrence of an id, username, full
 * name or part of a name (of three letters or more) inside any text becomes "Participant N", matched as a whole word
 * regardless of case. The ids of the things people made (board objects, questions, answers, statements, polls), which
 * the app starts with its author's id, are renumbered ({@code object-1}, ...), and every reference to them follows.
 * Numbers follow a hash of the old id, so neither names nor the order people joined show through.
 */
public final class Anonymiser {

    /** Someone the room knows; any part may be missing. */
    public record Person(String id, String username, String name) {
    }

    /** The shortest name part replaced inside texts: shorter ones ("Li", "Jo") would hit ordinary words. */
    static final int MIN_NAME_PART = 3;
    private static final String WORD = "[\\p{L}\\p{N}_]";
    /** A pseudonym as text or as key. */
    private static final Pattern PSEUDONYM = Pattern.compile("\\b[Pp]articipant[ -]\\d+\\b");

    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Pattern tokens;
    private final Map<String, String> renumbered = new LinkedHashMap<>();

    private Anonymiser(List<Set<String>> people, List<Set<String>> texts) {
        Map<String, String> byToken = new LinkedHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            String key = "participant-" + (i + 1);
            String label = "Participant " + (i + 1);
            for (String exact : people.get(i)) {
                keys.putIfAbsent(exact, key);
            }
            for (String token : texts.get(i)) {
                byToken.putIfAbsent(token.toLowerCase(Locale.ROOT), label);
            }
        }
        labels.putAll(byToken);
        List<String> longestFirst = new ArrayList<>(byToken.keySet());
        longestFirst.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        tokens = longestFirst.isEmpty() ? null : Pattern.compile("(?<!" + WORD + ")(" + String.join("|", longestFirst.stream().map(Pattern::quote).toList())
                + ")(?!" + WORD + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** An anonymiser for these people; the same person may come several times (by id, by username), and is merged. */
    public static Anonymiser of(Collection<Person> people) {
        // One group per person: entries that share an id or a username are one person (union of their groups).
        List<Set<String>> merged = new ArrayList<>();
        List<Set<String>> names = new ArrayList<>();
        for (Person p : people) {
            Set<String> ids = new LinkedHashSet<>();
            addIfUseful(ids, p.id());
            addIfUseful(ids, p.username());
            if (ids.isEmpty() && (p.name() == null || p.name().isBlank())) {
                continue;
            }
            Set<String> group = new LinkedHashSet<>(ids);
            Set<String> groupNames = new LinkedHashSet<>();
            addIfUseful(groupNames, p.name());
            for (int i = merged.size() - 1; i >= 0; i--) {
                if (merged.get(i).stream().anyMatch(ids::contains)) {
                    group.addAll(merged.remove(i));
                    groupNames.addAll(names.remove(i));
                }
            }
            merged.add(group);
            names.add(groupNames);
        }
        // Hash order: a person's number says nothing about their name or when they came.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < merged.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> hash(String.join("\n", new TreeSet<>(merged.get(i))) + "\n" + String.join("\n", new TreeSet<>(names.get(i))))));
        List<Set<String>> exact = new ArrayList<>();
        List<Set<String>> texts = new ArrayList<>();
        for (int i : order) {
            exact.add(merged.get(i));
            Set<String> t = new LinkedHashSet<>(merged.get(i));
            for (String name : names.get(i)) {
                t.add(name);
                for (String part : name.split("[\\s\\p{Punct}]+")) {
                    if (part.codePointCount(0, part.length()) >= MIN_NAME_PART) {
                        t.add(part);
                    }
                }
            }
            texts.add(t);
        }
        return new Anonymiser(exact, texts);
    }

    /** Gives the keys of a collection of things people made new ids, {@code prefix-1}, {@code prefix-2}, ... */
    public void renumber(String prefix, Collection<?> ids) {
        List<String> fresh = new ArrayList<>();
        for (Object id : ids) {
            if (id instanceof String s && !renumbered.containsKey(s) && !keys.containsKey(s)) {
                fresh.add(s);
            }
        }
        fresh.sort(Comparator.comparing(Anonymiser::hash));
        int n = (int) renumbered.values().stream().filter(v -> v.startsWith(prefix + "-")).count();
        for (String id : fresh) {
            renumbered.put(id, prefix + "-" + (++n));
        }
    }

    /** Plain data (maps, lists, strings, numbers) with every person and renumbered id replaced, keys included. */
    public Object json(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(string(String.valueOf(k)), json(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::json).toList();
        }
        if (value instanceof String s) {
            return string(s);
        }
        return value;
    }

    /** The document's nodes with their texts, attributes and marks anonymised. */
    public List<NotesTree.Node> notes(List<NotesTree.Node> nodes) {
        List<NotesTree.Node> out = new ArrayList<>(nodes.size());
        for (NotesTree.Node node : nodes) {
            if (node instanceof NotesTree.Element e) {
                @SuppressWarnings("unchecked")
                Map<String, Object> attributes = (Map<String, Object>) json(e.attributes());
                out.add(new NotesTree.Element(e.name(), attributes, notes(e.children())));
            } else if (node instanceof NotesTree.Text t) {
                Map<String, Map<String, Object>> marks = new LinkedHashMap<>();
                t.marks().forEach((name, attrs) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> a = (Map<String, Object>) json(attrs);
                    marks.put(name, a);
                });
                out.add(new NotesTree.Text(text(t.text()), marks));
            }
        }
        return out;
    }

    /** A string that is an id as a whole becomes its new id; anything else is a text. */
    String string(String s) {
        String exact = renumbered.get(s);
        if (exact == null) {
            exact = keys.get(s);
        }
        return exact != null ? exact : text(s);
    }

    /** A text with every id, username and name in it replaced by the person's "Participant N". */
    public String text(String s) {
        if (tokens == null || s == null || s.isEmpty()) {
            return s;
        }
        Matcher m = tokens.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(labels.get(m.group(1).toLowerCase(Locale.ROOT))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The people ("Participant N") something still names; empty when it names nobody. The pseudonyms themselves do
     * not count, so a name that is also the word "Participant" (a demo user's surname) is not found in them.
     */
    public Set<String> namedIn(String content) {
        Set<String> found = new TreeSet<>();
        if (tokens != null) {
            Matcher m = tokens.matcher(PSEUDONYM.matcher(content).replaceAll(" "));
            while (m.find()) {
                found.add(labels.get(m.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        return found;
    }

    /** Pseudonym key to label, as the exports' names directory wants it ({@code participant-1} → "Participant 1"). */
    public Map<String, String> directory() {
        Map<String, String> out = new LinkedHashMap<>();
        keys.values().forEach(k -> out.put(k, "Participant " + k.substring("participant-".length())));
        return out;
    }

    private static void addIfUseful(Set<String> into, String s) {
        if (s != null && s.strip().length() >= 2) {
            into.add(s.strip());
        }
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
