package eu.vetnet.learning.records;

import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.learning.editions.Editions;
import eu.vetnet.learning.editions.Enrolment;
import eu.vetnet.learning.programmes.Person;
import eu.vetnet.learning.programmes.Programme;
import eu.vetnet.learning.programmes.ProgrammeModule;
import eu.vetnet.learning.storage.CassandraEditions;
import eu.vetnet.learning.storage.CassandraProgrammes;
import eu.vetnet.learning.storage.CassandraResults;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Recording what learners achieved, and reading it back as their transcript (docs/learning.md, "Records"). */
public final class Results {

    private final CassandraResults store;
    private final CassandraEditions editions;
    private final CassandraProgrammes programmes;
    private final Editions editionService;
    private final Clock clock;

    public Results(CassandraResults store, CassandraEditions editions, CassandraProgrammes programmes, Editions editionService, Clock clock) {
        this.store = store;
        this.editions = editions;
        this.programmes = programmes;
        this.editionService = editionService;
        this.clock = clock;
    }

    /** A facilitator records an enrolled learner's result in a module of the edition's programme (again: replaces it). */
    public CompletionStage<Result> record(VetnetUser user, String editionId, String learnerId, String moduleId, ResultInput in) {
        if (in == null || in.passed() == null) {
            throw ApiException.badRequest("say whether the learner passed", "send {\"passed\": true, \"grade\": \"...\"}");
        }
        String grade = in.grade() == null ? "" : in.grade().strip();
        if (grade.length() > 40 || grade.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("a grade is at most 40 characters of plain text", "write the mark as the learner should read it");
        }
        return editionService.facilitated(user, editionId).thenCompose(f -> {
            ProgrammeModule module = f.programme().module(moduleId)
                    .orElseThrow(() -> ApiException.notFound("no module " + moduleId + " in this programme"));
            return editions.enrolment(editionId, learnerId).thenCompose(en -> {
                if (en.isEmpty() || en.get().status() != Enrolment.Status.ENROLLED) {
                    throw ApiException.conflict(learnerId + " is not enrolled in this edition", "results are recorded for enrolled learners");
                }
                return store.save(learnerId, new Result(f.programme().id(), module.id(), editionId, in.passed(), grade,
                        in.passed() ? module.ectsCredits() : 0, in.passed() ? module.ecvetPoints() : 0, Result.Kind.FORMAL,
                        Person.of(user), clock.instant()));
            });
        });
    }

    /** The signed-in person's own transcript. */
    public CompletionStage<Transcript> mine(VetnetUser user) {
        return transcriptOf(user.id(), user.displayName());
    }

    /** A learner's transcript, read by the server (for credentials); the caller has checked who may see it. */
    public CompletionStage<Transcript> transcriptOf(String learnerId, String learnerName) {
        return store.of(learnerId).thenCompose(results -> {
            Map<String, List<Result>> byProgramme = new LinkedHashMap<>();
            results.stream().sorted(Comparator.comparing(Result::at)).forEach(r -> byProgramme.computeIfAbsent(r.programmeId(), k -> new ArrayList<>()).add(r));
            List<CompletableFuture<Optional<Transcript.ProgrammeRecord>>> records = new ArrayList<>();
            byProgramme.forEach((programmeId, rs) -> records.add(programmes.byId(programmeId)
                    .thenApply(p -> p.map(programme -> record(programme, rs))).toCompletableFuture()));
            return CompletableFuture.allOf(records.toArray(CompletableFuture[]::new)).thenApply(v -> new Transcript(learnerName,
                    records.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList()));
        });
    }

    static Transcript.ProgrammeRecord record(Programme p, List<Result> results) {
        List<Transcript.ModuleRecord> modules = new ArrayList<>();
        for (Result r : results) {
            ProgrammeModule m = p.module(r.moduleId()).orElse(null);
            modules.add(new Transcript.ModuleRecord(r.moduleId(), m == null ? r.moduleId() : m.title(), m == null ? 0 : m.eqfLevel(),
                    r.passed(), r.grade(), r.ectsCredits(), r.ecvetPoints(), r.kind(), r.at().toString()));
        }
        boolean complete = !p.modules().isEmpty() && p.modules().stream()
                .allMatch(m -> results.stream().anyMatch(r -> r.moduleId().equals(m.id()) && r.passed()));
        return new Transcript.ProgrammeRecord(p.id(), p.title(), p.organisation(), modules,
                results.stream().mapToDouble(Result::ectsCredits).sum(), results.stream().mapToDouble(Result::ecvetPoints).sum(),
                p.ectsCredits(), results.stream().filter(r -> r.kind() == Result.Kind.RECOGNISED).mapToDouble(Result::ectsCredits).sum(), complete);
    }
}
