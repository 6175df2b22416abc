package eu.vetnet.learning.validation;

import eu.vetnet.learning.programmes.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Non-formal or informal learning a learner puts forward against a module, and where its validation stands, in the
 * four steps of the Council Recommendation of 20 December 2012 (docs/learning.md, "Validating informal learning").
 *
 * @param outcomes the module's outcomes the learner says it shows (as written in the module)
 * @param hours    the learner's own count of the time it took
 * @param steps    every step taken, oldest first: who, what, and the note that came with it
 */
public record Evidence(String id, String editionId, String programmeId, String moduleId, String learnerId, String learnerName, Kind kind,
        String title, List<String> outcomes, int hours, String description, String link, Status status, List<Step> steps) {

    /** Where the learning happened. */
    public enum Kind { COMMUNITY_WORKSHOP, PEER_COUNSELLING, PUBLISHED_PRACTICE, WORK_BASED, OTHER }

    /**
     * IDENTIFIED (step 1: what was learned, against which outcomes), DOCUMENTED (step 2: the evidence), then the
     * assessment (step 3): VALIDATED or MORE_ASKED (back to the learner to document), then CERTIFIED (step 4: the
     * module's credits on the record, marked as recognised).
     */
    public enum Status { IDENTIFIED, DOCUMENTED, MORE_ASKED, VALIDATED, CERTIFIED }

    public record Step(Status to, Person by, String note, Instant at) {
    }

    public Evidence {
        outcomes = List.copyOf(outcomes);
        steps = List.copyOf(steps);
    }

    Evidence next(Status to, Person by, String note, Instant at, String newDescription, String newLink) {
        List<Step> all = new ArrayList<>(steps);
        all.add(new Step(to, by, note, at));
        return new Evidence(id, editionId, programmeId, moduleId, learnerId, learnerName, kind, title, outcomes, hours,
                newDescription, newLink, to, all);
    }
}
