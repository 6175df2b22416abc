package eu.vetnet.rooms.publish;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vetnet.rooms.render.NotesTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The anonymiser against generated rooms: random people (ids, usernames, names with accents and several parts), texts
 * that name them in every case and next to every kind of punctuation, and things they made that refer to each other.
 * The oracle is written apart from the code: it looks for each identifying string by plain substring search and checks
 * the characters around it.
 */
class AnonymiserTests {

    private static final String[] WORDS = {"board", "pilot", "mentor", "pool", "region", "chamber", "apprentice", "skills", "gap", "plan"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzàéìòùäöüßłńśżçñ";
    private static final String[] GLUE = {" ", ", ", ". ", " (", ") ", ": ", "'s ", " - ", "\n", "/", "@"};

    record Someone(String id, String username, String name) {
        List<String> identifying() {
            List<String> out = new ArrayList<>(List.of(id, username, name));
            for (String part : name.split(" ")) {
                if (part.length() >= Anonymiser.MIN_NAME_PART) {
                    out.add(part);
                }
            }
            return out;
        }
    }

    @Test
    void generatedTextsNameNobodyAfterwardsAndKeepEverythingElse() {
        Random random = new Random(20261207);
        for (int round = 0; round < 300; round++) {
            List<Someone> people = people(random, 1 + random.nextInt(6));
            List<Anonymiser.Person> known = new ArrayList<>();
            for (Someone s : people) {
                // The server learns of each person in pieces: the directory (id, name), the list (username), the sessions.
                known.add(new Anonymiser.Person(s.id(), null, s.name()));
                known.add(new Anonymiser.Person(null, s.username(), null));
                known.add(new Anonymiser.Person(s.id(), s.username(), s.name()));
            }
            Anonymiser a = Anonymiser.of(known);
            StringBuilder text = new StringBuilder();
            int neutral = 0;
            for (int i = 0; i < 40; i++) {
                if (random.nextInt(3) == 0) {
                    List<String> ids = people.get(random.nextInt(people.size())).identifying();
                    text.append(randomCase(random, ids.get(random.nextInt(ids.size()))));
                } else {
                    text.append(WORDS[random.nextInt(WORDS.length)]);
                    neutral++;
                }
                text.append(GLUE[random.nextInt(GLUE.length)]);
            }
            String out = a.text(text.toString());
            for (Someone s : people) {
                for (String identifying : s.identifying()) {
                    assertThat(wholeWordAt(out, identifying)).as("%s in %s (from %s)", identifying, out, text).isEqualTo(-1);
                }
            }
            assertThat(a.namedIn(out)).isEmpty();
            int kept = 0;
            for (String w : out.split("[^\\p{L}]+")) {
                if (Set.of(WORDS).contains(w)) {
                    kept++;
                }
            }
            assertThat(kept).as(out).isEqualTo(neutral);
            // Each person is one pseudonym, however many pieces the server knew them from.
            assertThat(a.directory()).hasSize(people.size());
        }
    }

    @Test
    void thingsPeopleMadeAreRenumberedAndEveryReferenceFollows() {
        Random random = new Random(7);
        for (int round = 0; round < 100; round++) {
            List<Someone> people = people(random, 2 + random.nextInt(4));
            List<Anonymiser.Person> known = people.stream().map(s -> new Anonymiser.Person(s.id(), s.username(), s.name())).toList();
            Anonymiser a = Anonymiser.of(known);
            Map<String, Object> objects = new LinkedHashMap<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Someone author = people.get(random.nextInt(people.size()));
                String id = author.id() + "-" + i;
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("type", ids.isEmpty() || random.nextBoolean() ? "note" : "connector");
                o.put("owner", author.id());
                o.put("text", "from " + author.name());
                if (o.get("type").equals("connector")) {
                    o.put("from", ids.get(random.nextInt(ids.size())));
                    o.put("to", ids.get(random.nextInt(ids.size())));
                }
                Map<String, Object> votes = new LinkedHashMap<>();
                people.stream().filter(p -> random.nextBoolean()).forEach(p -> votes.put(p.id(), true));
                o.put("votes", votes);
                objects.put(id, o);
                ids.add(id);
            }
            a.renumber("object", objects.keySet());
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> out = (Map<String, Map<String, Object>>) a.json(objects);
            assertThat(out).hasSize(objects.size());
            List<String> fresh = new ArrayList<>(out.keySet());
            for (int i = 0; i < ids.size(); i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> before = (Map<String, Object>) objects.get(ids.get(i));
                Map<String, Object> after = out.get(newId(objects, out, ids.get(i)));
                assertThat(after.get("type")).isEqualTo(before.get("type"));
                if (before.containsKey("from")) {
                    assertThat(after.get("from")).isEqualTo(newId(objects, out, (String) before.get("from")));
                    assertThat(after.get("to")).isEqualTo(newId(objects, out, (String) before.get("to")));
                }
                assertThat((String) after.get("owner")).startsWith("participant-");
                assertThat(((Map<?, ?>) after.get("votes")).size()).isEqualTo(((Map<?, ?>) before.get("votes")).size());
            }
            assertThat(fresh).allMatch(k -> k.matches("object-\\d+"));
            String all = out.toString().toLowerCase(Locale.ROOT);
            for (Someone s : people) {
                assertThat(all).doesNotContain(s.id().toLowerCase(Locale.ROOT), s.username(), s.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void theDocumentsTextsAttributesAndLinksAreAnonymisedToo() {
        Anonymiser a = Anonymiser.of(List.of(new Anonymiser.Person("u-1", "mrossi", "Maria Rossi"), new Anonymiser.Person("u-2", "li", "Li Wei")));
        List<NotesTree.Node> notes = List.of(new NotesTree.Element("paragraph", Map.of("data-by", "mrossi"), List.of(
                new NotesTree.Text("Maria said: Lines by Li Wei", Map.of()),
                new NotesTree.Text("write to her", Map.of("link", Map.of("href", "mailto:mrossi@example.org"))))));
        NotesTree.Element p = (NotesTree.Element) a.notes(notes).get(0);
        String by = (String) p.attributes().get("data-by");
        assertThat(a.directory()).containsKey(by);
        assertThat(a.directory().get(by)).isEqualTo(a.text("Maria"));
        String said = ((NotesTree.Text) p.children().get(0)).text();
        // "Li" is shorter than a name part worth replacing alone ("Lines" stays), but the full name goes.
        assertThat(said).startsWith("Participant ").contains(" said: Lines by Participant ").doesNotContain("Maria", "Wei");
        assertThat(((NotesTree.Text) p.children().get(1)).marks().get("link").get("href").toString()).doesNotContain("mrossi");
        assertThat(a.namedIn("nothing here")).isEmpty();
        // A surname that is the pseudonyms' own word (the demo users are "Alice Participant", "Fabio Facilitator").
        Anonymiser demo = Anonymiser.of(List.of(new Anonymiser.Person("a-1", "alice", "Alice Participant")));
        String out = demo.text("Alice Participant and every participant");
        assertThat(out).isEqualTo("Participant 1 and every Participant 1");
        assertThat(demo.namedIn(out)).isEmpty();
        assertThat(demo.namedIn(out + ", participants")).isEmpty();
        assertThat(demo.namedIn(out + " (a participant)")).hasSize(1);
        assertThat(a.namedIn("ask MARIA")).hasSize(1);
    }

    private static String newId(Map<String, Object> before, Map<String, Map<String, Object>> after, String oldId) {
        List<String> oldKeys = new ArrayList<>(before.keySet());
        List<String> newKeys = new ArrayList<>(after.keySet());
        return newKeys.get(oldKeys.indexOf(oldId));
    }

    private static List<Someone> people(Random random, int n) {
        List<Someone> out = new ArrayList<>();
        while (out.size() < n) {
            String first = capitalised(word(random, 3 + random.nextInt(6)));
            String last = capitalised(word(random, 3 + random.nextInt(8)));
            String username = (first.charAt(0) + last).toLowerCase(Locale.ROOT) + random.nextInt(100);
            Someone s = new Someone(random.nextBoolean() ? UUID.randomUUID().toString() : username + "-id", username,
                    random.nextInt(4) == 0 ? first + " " + capitalised(word(random, 4)) + " " + last : first + " " + last);
            boolean clash = s.identifying().stream().anyMatch(t -> Set.of(WORDS).contains(t.toLowerCase(Locale.ROOT)));
            if (!clash) {
                out.add(s);
            }
        }
        return out;
    }

    private static String word(Random random, int length) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < length; i++) {
            w.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return w.toString();
    }

    private static String capitalised(String w) {
        return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }

    private static String randomCase(Random random, String s) {
        return switch (random.nextInt(3)) {
            case 0 -> s.toUpperCase(Locale.ROOT);
            case 1 -> s.toLowerCase(Locale.ROOT);
            default -> s;
        };
    }

    /** Where {@code token} stands as a whole word in {@code text}, ignoring case; -1 when nowhere. */
    private static int wholeWordAt(String text, String token) {
        String t = text.toLowerCase(Locale.ROOT);
        String k = token.toLowerCase(Locale.ROOT);
        for (int i = t.indexOf(k); i >= 0; i = t.indexOf(k, i + 1)) {
            boolean before = i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)) && t.charAt(i - 1) != '_';
            int end = i + k.length();
            boolean after = end == t.length() || !Character.isLetterOrDigit(t.charAt(end)) && t.charAt(end) != '_';
            if (before && after) {
                return i;
            }
        }
        return -1;
    }
}
