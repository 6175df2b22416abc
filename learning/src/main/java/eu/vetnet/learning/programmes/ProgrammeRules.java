package eu.vetnet.learning.programmes;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.identity.api.RoomIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a programme and its modules must be to be saved: every refusal says what to change (docs/learning.md, "Rules"). */
public final class ProgrammeRules {

    public static final int MAX_MODULES = 40;
    public static final int MAX_OUTCOMES_PER_DESCRIPTOR = 20;
    public static final int MAX_WORKLOAD_HOURS = 3000;

    private ProgrammeRules() {
    }

    public static String title(String title) {
        return text("title", title, 3, 200);
    }

    public static String summary(String summary) {
        return summary == null ? "" : text("summary", summary, 0, 4000);
    }

    public static List<String> languages(List<String> languages) {
        List<String> out = new ArrayList<>();
        for (String l : languages == null ? List.<String>of() : languages) {
            if (l == null || !l.matches("[a-z]{2}")) {
                throw ApiException.badRequest("'" + l + "' is not a language code", "use two-letter ISO 639-1 codes such as en, it, de");
            }
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        if (out.size() > 24) {
            throw ApiException.badRequest("at most 24 languages", "list the languages the programme is taught in");
        }
        return out;
    }

    /** A module from its input, credits settled at the programme's rate, prerequisites checked against {@code others}. */
    public static ProgrammeModule module(String id, ModuleInput in, int hoursPerCredit, List<ProgrammeModule> others) {
        if (in == null) {
            throw ApiException.badRequest("no module in the request", "send the module as JSON");
        }
        int eqf = in.eqfLevel() == null ? 0 : in.eqfLevel();
        if (eqf < 1 || eqf > 8) {
            throw ApiException.badRequest("the EQF level must be 1 to 8, not " + in.eqfLevel(), "choose the level the outcomes are written at");
        }
        int hours = in.workloadHours() == null ? 0 : in.workloadHours();
        if (hours < 1 || hours > MAX_WORKLOAD_HOURS) {
            throw ApiException.badRequest("the workload must be 1 to " + MAX_WORKLOAD_HOURS + " hours, not " + in.workloadHours(),
                    "count the learner's hours: sessions, self-study and assignments");
        }
        Outcomes outcomes = outcomes(in.outcomes());
        List<String> assessment = items("assessment method", in.assessment(), 10, 200);
        Set<String> known = new HashSet<>();
        others.forEach(m -> known.add(m.id()));
        List<String> prerequisites = new ArrayList<>();
        for (String p : in.prerequisites() == null ? List.<String>of() : in.prerequisites()) {
            if (p == null || p.equals(id) || !known.contains(p)) {
                throw ApiException.badRequest("prerequisite '" + p + "' is not another module of this programme",
                        "name modules of the same programme by their id (m1, m2, ...)");
            }
            if (!prerequisites.contains(p)) {
                prerequisites.add(p);
            }
        }
        ProgrammeModule module = new ProgrammeModule(id, title(in.title()), in.description() == null ? "" : text("description", in.description(), 0, 4000),
                eqf, outcomes, hours, CreditRules.settle(in.ectsCredits(), hours, hoursPerCredit, "ECTS credits"),
                CreditRules.settle(in.ecvetPoints(), hours, hoursPerCredit, "ECVET points"), assessment, prerequisites, languages(in.languages()),
                in.template() == null || in.template().isBlank() ? null : RoomIds.requireTemplate("template", in.template().strip()));
        List<ProgrammeModule> all = new ArrayList<>(others);
        all.add(module);
        requireNoCycle(all);
        return module;
    }

    static Outcomes outcomes(Outcomes in) {
        if (in == null) {
            throw ApiException.badRequest("a module needs learning outcomes",
                    "write at least one, as knowledge, skills, or responsibility and autonomy");
        }
        Outcomes out = new Outcomes(items("knowledge outcome", in.knowledge(), MAX_OUTCOMES_PER_DESCRIPTOR, 500),
                items("skills outcome", in.skills(), MAX_OUTCOMES_PER_DESCRIPTOR, 500),
                items("responsibility and autonomy outcome", in.responsibilityAndAutonomy(), MAX_OUTCOMES_PER_DESCRIPTOR, 500));
        if (out.count() == 0) {
            throw ApiException.badRequest("a module needs learning outcomes",
                    "write at least one, as knowledge, skills, or responsibility and autonomy");
        }
        return out;
    }

    /** Prerequisites form no loop: a module never (even through others) requires itself. */
    static void requireNoCycle(List<ProgrammeModule> modules) {
        Map<String, List<String>> edges = new HashMap<>();
        modules.forEach(m -> edges.put(m.id(), m.prerequisites()));
        Map<String, Integer> state = new HashMap<>();
        for (String id : edges.keySet()) {
            if (reachesItself(id, edges, state)) {
                throw ApiException.badRequest("the prerequisites form a loop through module " + id,
                        "a module cannot require, even through others, a module that requires it");
            }
        }
    }

    private static boolean reachesItself(String id, Map<String, List<String>> edges, Map<String, Integer> state) {
        Integer s = state.get(id);
        if (s != null) {
            return s == 1;
        }
        state.put(id, 1);
        for (String next : edges.getOrDefault(id, List.of())) {
            if (reachesItself(next, edges, state)) {
                return true;
            }
        }
        state.put(id, 2);
        return false;
    }

    static List<String> items(String what, List<String> items, int max, int maxLength) {
        List<String> out = new ArrayList<>();
        for (String item : items == null ? List.<String>of() : items) {
            if (item != null && !item.isBlank()) {
                out.add(text(what, item, 1, maxLength));
            }
        }
        if (out.size() > max) {
            throw ApiException.badRequest("at most " + max + " of " + what + "s, not " + out.size(), "group or shorten them");
        }
        return out;
    }

    static String text(String what, String value, int min, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() < min || v.length() > max) {
            throw ApiException.badRequest("the " + what + " must be " + min + " to " + max + " characters, not " + v.length(),
                    "write the " + what + " again");
        }
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw ApiException.badRequest("the " + what + " holds control characters", "write it as plain text");
        }
        return v;
    }
}
