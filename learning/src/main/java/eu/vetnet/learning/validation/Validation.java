package eu.vetnet.learning.validation;

import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.learning.editions.EditionRules;
import eu.vetnet.learning.editions.Editions;
import eu.vetnet.learning.editions.Enrolment;
import eu.vetnet.learning.programmes.Person;
import eu.vetnet.learning.programmes.ProgrammeModule;
import eu.vetnet.learning.programmes.ProgrammeRules;
import eu.vetnet.learning.programmes.Programmes;
import eu.vetnet.learning.records.Result;
import eu.vetnet.learning.storage.CassandraEvidence;
import eu.vetnet.learning.storage.CassandraResults;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Validating non-formal and informal learning (docs/learning.md): the learner identifies and documents it, a
 * facilitator of the edition assesses it (validated, or more asked) and certifies it, which puts the module's credits
 * on the learner's record as recognised learning. Each step checks the one before; nothing skips a step.
 */
public final class Validation {

    static final int MAX_HOURS = ProgrammeRules.MAX_WORKLOAD_HOURS;

    private final CassandraEvidence store;
    private final CassandraResults results;
    private final Editions editionService;
    private final Programmes programmes;
    private final Clock clock;

    public Validation(CassandraEvidence store, CassandraResults results, Editions editionService, Programmes programmes,
            Clock clock) {
        this.store = store;
        this.results = results;
        this.editionService = editionService;
        this.programmes = programmes;
        this.clock = clock;
    }

    /** Step 1: an enrolled learner identifies what they learned, against a module's outcomes. */
    public CompletionStage<Evidence> identify(VetnetUser user, String editionId, EvidenceInput in) {
        if (in == null || in.kind() == null) {
            throw ApiException.badRequest("say where the learning happened", "kind: COMMUNITY_WORKSHOP, PEER_COUNSELLING, PUBLISHED_PRACTICE, WORK_BASED or OTHER");
        }
        int hours = in.hours() == null ? 0 : in.hours();
        if (hours < 1 || hours > MAX_HOURS) {
            throw ApiException.badRequest("the hours must be 1 to " + MAX_HOURS + ", not " + in.hours(), "count the time the learning took");
        }
        // The edition's view already holds the caller's own enrolment: no second read of it.
        return editionService.read(user, editionId).thenCompose(view -> {
            if (view.mine() == null || view.mine().status() != Enrolment.Status.ENROLLED) {
                throw ApiException.conflict("you are not enrolled in this edition", "enrol first: evidence counts toward the modules of your edition");
            }
            return programmeModule(user, view.edition().programmeId(), in.moduleId()).thenCompose(module -> {
                List<String> claimed = claimed(module, in.outcomes());
                Evidence e = new Evidence(UUID.randomUUID().toString(), editionId, view.edition().programmeId(), module.id(), user.id(),
                        user.displayName(), in.kind(), ProgrammeRules.title(in.title()), claimed, hours, "", null,
                        Evidence.Status.IDENTIFIED, List.of(new Evidence.Step(Evidence.Status.IDENTIFIED, Person.of(user), "", clock.instant())));
                return store.save(e);
            });
        });
    }

    /** Step 2: the learner documents it (again, when more was asked). */
    public CompletionStage<Evidence> document(VetnetUser user, String editionId, String evidenceId, String description, String link) {
        String text = ProgrammeRules.summary(description);
        if (text.length() < 20) {
            throw ApiException.badRequest("describe what you did and learned in at least 20 characters", "say what, where, with whom, and what came of it");
        }
        String checkedLink = link == null || link.isBlank() ? null : EditionRules.link(link);
        return evidence(editionId, evidenceId).thenCompose(e -> {
            if (!e.learnerId().equals(user.id())) {
                throw ApiException.notFound("no evidence " + evidenceId);
            }
            requireStatus(e, "documented", Evidence.Status.IDENTIFIED, Evidence.Status.MORE_ASKED, Evidence.Status.DOCUMENTED);
            return store.save(e.next(Evidence.Status.DOCUMENTED, Person.of(user), "", clock.instant(), text, checkedLink));
        });
    }

    /** Step 3: a facilitator of the edition assesses it: validated, or more asked of the learner (with a note). */
    public CompletionStage<Evidence> assess(VetnetUser user, String editionId, String evidenceId, Boolean validated, String note) {
        if (validated == null) {
            throw ApiException.badRequest("say whether the evidence shows the outcomes", "send {\"validated\": true} or false with a note");
        }
        String text = note == null ? "" : note.strip();
        if (!validated && text.isEmpty()) {
            throw ApiException.badRequest("say what more is needed", "the learner reads your note");
        }
        ProgrammeRules.summary(text);
        return editionService.facilitated(user, editionId).thenCompose(f -> evidence(editionId, evidenceId).thenCompose(e -> {
            requireStatus(e, "assessed", Evidence.Status.DOCUMENTED);
            return store.save(e.next(validated ? Evidence.Status.VALIDATED : Evidence.Status.MORE_ASKED, Person.of(user), text, clock.instant(),
                    e.description(), e.link()));
        }));
    }

    /** Step 4: a facilitator certifies validated evidence: the module's credits go on the record, marked as recognised. */
    public CompletionStage<Evidence> certify(VetnetUser user, String editionId, String evidenceId) {
        return editionService.facilitated(user, editionId).thenCompose(f -> evidence(editionId, evidenceId).thenCompose(e -> {
            requireStatus(e, "certified", Evidence.Status.VALIDATED);
            ProgrammeModule module = f.programme().module(e.moduleId())
                    .orElseThrow(() -> ApiException.conflict("the module " + e.moduleId() + " is no longer in the programme", "ask its coordinator"));
            var at = clock.instant();
            Result recognised = new Result(e.programmeId(), module.id(), editionId, true, "", module.ectsCredits(), module.ecvetPoints(),
                    Result.Kind.RECOGNISED, Person.of(user), at);
            return results.save(e.learnerId(), recognised).thenCompose(r -> store.save(e.next(Evidence.Status.CERTIFIED, Person.of(user), "", at,
                    e.description(), e.link())));
        }));
    }

    /** The edition's evidence: all of it for its facilitators, one's own for a learner; newest first. */
    public CompletionStage<List<Evidence>> of(VetnetUser user, String editionId) {
        return editionService.read(user, editionId).thenCompose(view -> store.ofEdition(editionId).thenApply(all -> all.stream()
                .filter(e -> view.facilitating() || e.learnerId().equals(user.id()))
                .sorted(Comparator.comparing((Evidence e) -> e.steps().get(e.steps().size() - 1).at()).reversed()).toList()));
    }

    private CompletionStage<Evidence> evidence(String editionId, String evidenceId) {
        return store.byId(editionId, evidenceId).thenApply(found -> found.orElseThrow(() -> ApiException.notFound("no evidence " + evidenceId)));
    }

    private CompletionStage<ProgrammeModule> programmeModule(VetnetUser user, String programmeId, String moduleId) {
        return programmes.read(user, programmeId).thenApply(p -> p.module(moduleId)
                .orElseThrow(() -> ApiException.badRequest("'" + moduleId + "' is not a module of the programme", "name one of its modules (m1, m2, ...)")));
    }

    /** The outcomes claimed, each one of the module's own: evidence is judged against what the module says, not new words. */
    static List<String> claimed(ProgrammeModule module, List<String> outcomes) {
        List<String> all = new ArrayList<>(module.outcomes().knowledge());
        all.addAll(module.outcomes().skills());
        all.addAll(module.outcomes().responsibilityAndAutonomy());
        List<String> out = new ArrayList<>();
        for (String o : outcomes == null ? List.<String>of() : outcomes) {
            if (!all.contains(o)) {
                throw ApiException.badRequest("'" + o + "' is not an outcome of module " + module.id(), "choose among the module's outcomes");
            }
            if (!out.contains(o)) {
                out.add(o);
            }
        }
        if (out.isEmpty()) {
            throw ApiException.badRequest("say which of the module's outcomes the learning shows", "choose at least one");
        }
        return out;
    }

    private static void requireStatus(Evidence e, String what, Evidence.Status... allowed) {
        for (Evidence.Status s : allowed) {
            if (e.status() == s) {
                return;
            }
        }
        throw ApiException.conflict("evidence that is " + e.status().name().toLowerCase().replace('_', ' ') + " cannot be " + what,
                "the steps go: identified, documented, assessed (validated or more asked), certified");
    }
}
