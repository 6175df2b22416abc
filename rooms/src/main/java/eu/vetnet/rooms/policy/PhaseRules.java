package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.Touch;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.privatenotes.PrivateNotes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the room's current phase lets participants do (docs/rooms.md, "Phases"). The facilitator's {@code workshop}
 * map holds {@code phase} and {@code phaseRules}: phase name -> list of activity names (templates write them, the
 * facilitator may change them). Every change a participant sends is classified by its effect, where the engine will
 * put it, into one of the activities of {@code phase-activities.json} (defined once, beside the app's views); an
 * update with an activity the current phase does not list is refused. A phase without rules restricts nothing; a
 * rule that is not a list allows nothing (a facilitator's slip closes the room rather than opening it). Facilitators
 * are not held by phases.
 */
public final class PhaseRules {

    /** The document the phase and its rules live in. */
    public static final String WORKSHOP_DOCUMENT = "workshop";

    private static final Map<String, String> ACTIVITIES = loadActivities();

    static final String ADD = known("add");
    static final String EDIT = known("edit");
    static final String VOTE = known("vote");
    static final String PRIVATE = known("private");
    static final String ASK = known("ask");
    static final String STATEMENTS = known("statements");
    static final String WRITE = known("write");

    private PhaseRules() {
    }

    /** Every activity name and what it means, as the app and the docs show them. */
    public static Map<String, String> activities() {
        return ACTIVITIES;
    }

    /**
     * Judges a participant's update to {@code documentName} against the phase in {@code workshop} (the room's
     * workshop document as it is now, or null when the room has none open).
     */
    public static Verdict check(String documentName, List<Touch> touches, YDoc workshop) {
        Verdict verdict = Verdict.ALLOW;
        for (String activity : activitiesOf(documentName, touches)) {
            verdict = allows(workshop, activity);
            if (!verdict.allowed()) {
                break;
            }
        }
        return verdict;
    }

    /**
     * Whether the phase in {@code workshop} lets a participant do {@code activity} (for changes the server makes on
     * someone's behalf, such as an anonymous ballot).
     */
    public static Verdict allows(YDoc workshop, String activity) {
        YMap settings = Policies.rootMap(workshop, WORKSHOP_DOCUMENT);
        if (settings == null || !(settings.get("phase") instanceof String phase)
                || !(settings.get("phaseRules") instanceof YMap rules) || rules.get(phase) == null) {
            return Verdict.ALLOW;
        }
        Set<String> allowed = new LinkedHashSet<>();
        if (rules.get(phase) instanceof List<?> listed) {
            listed.forEach(a -> allowed.add(String.valueOf(a)));
        }
        if (allowed.contains(activity)) {
            return Verdict.ALLOW;
        }
        return Verdict.deny("the phase '" + phase + "' allows " + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed))
                + "; this would " + activity + " (" + ACTIVITIES.get(activity) + ")");
    }

    /** The activities an update's touches amount to in {@code documentName}; empty for documents phases do not govern. */
    static Set<String> activitiesOf(String documentName, List<Touch> touches) {
        Set<String> found = new LinkedHashSet<>();
        if (PrivateNotes.isPrivate(documentName)) {
            found.add(PRIVATE);
            return found;
        }
        switch (documentName) {
            case "board" -> {
                // An object created by this update: everything written inside it is part of adding it.
                Set<String> created = new HashSet<>();
                for (Touch t : touches) {
                    if (t.kind() == Touch.Kind.INSERT && t.parent().size() == 1 && t.key() != null) {
                        created.add(t.key());
                    }
                }
                for (Touch t : touches) {
                    String entry = t.parent().size() == 1 ? t.key() : Touches.keyAt(t, 1);
                    if (t.parent().size() >= 3 && "votes".equals(Touches.keyAt(t, 2))) {
                        found.add(VOTE);
                    } else if (entry != null && created.contains(entry) && t.kind() == Touch.Kind.INSERT) {
                        found.add(ADD);
                    } else {
                        found.add(EDIT);
                    }
                }
            }
            case WORKSHOP_DOCUMENT -> touches.forEach(t -> {
                switch (t.root()) {
                    case "questions", "answers" -> found.add(ASK);
                    case StatementRules.ROOT -> found.add(STATEMENTS);
                    case "votes" -> found.add(VOTE);
                    default -> { } // the facilitator's map: WorkshopPolicy refuses it to participants
                }
            });
            case "notes" -> found.add(WRITE);
            default -> { } // documents users add are open to their writers, in every phase
        }
        return found;
    }

    private static String known(String name) {
        if (!ACTIVITIES.containsKey(name)) {
            throw new IllegalStateException("phase-activities.json does not define the activity '" + name + "'");
        }
        return name;
    }

    private static Map<String, String> loadActivities() {
        try (InputStream in = PhaseRules.class.getResourceAsStream("phase-activities.json")) {
            if (in == null) {
                throw new IllegalStateException("phase-activities.json is missing from the room server's classpath (rooms/pom.xml copies it)");
            }
            JsonNode activities = new ObjectMapper().readTree(in).get("activities");
            Map<String, String> out = new LinkedHashMap<>();
            activities.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
