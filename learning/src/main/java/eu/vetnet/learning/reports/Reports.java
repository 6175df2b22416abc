package eu.vetnet.learning.reports;

import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.api.Csv;
import eu.vetnet.learning.attendance.AttendanceRecord;
import eu.vetnet.learning.editions.Editions;
import eu.vetnet.learning.editions.Enrolment;
import eu.vetnet.learning.programmes.Programme;
import eu.vetnet.learning.programmes.ProgrammeModule;
import eu.vetnet.learning.records.Result;
import eu.vetnet.learning.storage.CassandraAttendance;
import eu.vetnet.learning.storage.CassandraEditions;
import eu.vetnet.learning.storage.CassandraEvidence;
import eu.vetnet.learning.storage.CassandraResults;
import eu.vetnet.learning.storage.CassandraReviews;
import eu.vetnet.learning.review.Grade;
import eu.vetnet.learning.review.PeerAssessment;
import eu.vetnet.learning.review.ReviewRound;
import eu.vetnet.learning.review.Submission;
import eu.vetnet.learning.validation.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The facilitator's view of an edition: who is enrolled, their attendance, results, evidence waiting, reviews
 * outstanding and outcomes attained.
 */
public final class Reports {

    private final Editions editions;
    private final CassandraEditions editionStore;
    private final CassandraResults results;
    private final CassandraAttendance attendance;
    private final CassandraEvidence evidence;
    private final CassandraReviews reviews;

    public Reports(Editions editions, CassandraEditions editionStore, CassandraResults results, CassandraAttendance attendance,
            CassandraEvidence evidence, CassandraReviews reviews) {
        this.editions = editions;
        this.editionStore = editionStore;
        this.results = results;
        this.attendance = attendance;
        this.evidence = evidence;
        this.reviews = reviews;
    }

    public CompletionStage<Progress> progress(VetnetUser user, String editionId) {
        return editions.facilitated(user, editionId).thenCompose(f -> progress(f.programme(), editionId));
    }

    public CompletionStage<String> csv(VetnetUser user, String editionId) {
        return editions.facilitated(user, editionId).thenCompose(f -> progress(f.programme(), editionId).thenApply(p -> {
            List<String> header = new ArrayList<>(List.of("learner", "username", "attendance minutes"));
            f.programme().modules().forEach(m -> header.add(m.id() + " " + m.title()));
            header.addAll(List.of("ECTS earned", "evidence waiting", "reviews outstanding"));
            List<List<Object>> rows = new ArrayList<>();
            for (Progress.LearnerRow r : p.learners()) {
                List<Object> row = new ArrayList<>(List.of(r.name(), r.username(), r.attendanceMinutes()));
                f.programme().modules().forEach(m -> row.add(r.modules().getOrDefault(m.id(), "")));
                row.add(r.ectsEarned());
                row.add(r.evidenceWaiting());
                row.add(r.reviewsOutstanding());
                rows.add(row);
            }
            return Csv.of(header, rows);
        }));
    }

    /** The progress of an edition whose facilitator the caller was found to be (read once, by the public methods). */
    private CompletionStage<Progress> progress(Programme programme, String editionId) {
        return editionStore.enrolments(editionId).thenCompose(all -> {
            List<Enrolment> enrolled = all.stream().filter(e -> e.status() == Enrolment.Status.ENROLLED)
                    .sorted(Comparator.comparing(Enrolment::name)).toList();
            List<CompletableFuture<List<Result>>> perLearner = enrolled.stream()
                    .map(e -> results.of(e.learnerId()).toCompletableFuture()).toList();
            CompletableFuture<List<RoundState>> rounds = roundStates(editionId).toCompletableFuture();
            return CompletableFuture.allOf(perLearner.toArray(CompletableFuture[]::new))
                    .thenCombine(rounds, (v, r) -> r)
                    .thenCombine(attendance.ofEdition(editionId), (r, att) -> att)
                    .thenCombine(evidence.ofEdition(editionId), (att, ev) -> build(programme, enrolled,
                            perLearner.stream().map(CompletableFuture::join).toList(), att, ev, rounds.join()));
        });
    }

    /** A peer review round with what was submitted, assessed and graded in it. */
    record RoundState(ReviewRound round, List<Submission> submissions, List<PeerAssessment> assessments, List<Grade> grades) {

        /** Assessments allocated to {@code learnerId} and not yet written, while the round is being assessed. */
        int outstanding(String learnerId) {
            if (round.phase() != ReviewRound.Phase.ASSESSMENT) {
                return 0;
            }
            List<String> authors = round.allocation().getOrDefault(learnerId, List.of());
            return (int) authors.stream().filter(a -> assessments.stream().noneMatch(x -> x.reviewerId().equals(learnerId) && x.authorId().equals(a)))
                    .count();
        }

        Progress.RoundRow row() {
            int outstanding = round.allocation().keySet().stream().mapToInt(this::outstanding).sum();
            return new Progress.RoundRow(round.id(), round.title(), round.phase().name(), submissions.size(), assessments.size(), outstanding,
                    grades.size());
        }
    }

    private CompletionStage<List<RoundState>> roundStates(String editionId) {
        return reviews.rounds(editionId).thenCompose(rounds -> {
            List<CompletableFuture<RoundState>> states = rounds.stream().map(this::roundState).toList();
            return CompletableFuture.allOf(states.toArray(CompletableFuture[]::new))
                    .thenApply(v -> states.stream().map(CompletableFuture::join).sorted(Comparator.comparing(st -> st.round().createdAt())).toList());
        });
    }

    private CompletableFuture<RoundState> roundState(ReviewRound r) {
        CompletableFuture<List<Submission>> submissions = reviews.submissions(r.id()).toCompletableFuture();
        CompletableFuture<List<PeerAssessment>> assessments = reviews.assessments(r.id()).toCompletableFuture();
        CompletableFuture<List<Grade>> grades = reviews.grades(r.id()).toCompletableFuture();
        return CompletableFuture.allOf(submissions, assessments, grades)
                .thenApply(v -> new RoundState(r, submissions.join(), assessments.join(), grades.join()));
    }

    static Progress build(Programme p, List<Enrolment> enrolled, List<List<Result>> results, List<AttendanceRecord> attendance,
            List<Evidence> evidence, List<RoundState> rounds) {
        List<Progress.LearnerRow> learners = new ArrayList<>();
        Map<String, Set<String>> attained = new LinkedHashMap<>();
        for (int i = 0; i < enrolled.size(); i++) {
            Enrolment e = enrolled.get(i);
            List<Result> mine = results.get(i).stream().filter(r -> r.programmeId().equals(p.id())).toList();
            Map<String, String> modules = new LinkedHashMap<>();
            Set<String> outcomes = new HashSet<>();
            for (Result r : mine) {
                modules.put(r.moduleId(), !r.passed() ? "not passed" : r.kind() == Result.Kind.RECOGNISED ? "recognised"
                        : r.grade().isBlank() ? "passed" : r.grade());
                if (r.passed()) {
                    p.module(r.moduleId()).ifPresent(m -> outcomes.addAll(all(m)));
                }
            }
            int waiting = 0;
            for (Evidence ev : evidence) {
                if (!ev.learnerId().equals(e.learnerId())) {
                    continue;
                }
                if (ev.status() == Evidence.Status.DOCUMENTED || ev.status() == Evidence.Status.VALIDATED) {
                    waiting++;
                }
                if (ev.status() == Evidence.Status.VALIDATED || ev.status() == Evidence.Status.CERTIFIED) {
                    outcomes.addAll(ev.outcomes());
                }
            }
            long minutes = attendance.stream().filter(a -> a.learnerId().equals(e.learnerId())).mapToLong(AttendanceRecord::minutes).sum();
            learners.add(new Progress.LearnerRow(e.learnerId(), e.name(), e.username(), minutes, modules,
                    mine.stream().mapToDouble(Result::ectsCredits).sum(), waiting,
                    rounds.stream().mapToInt(r -> r.outstanding(e.learnerId())).sum()));
            attained.put(e.learnerId(), outcomes);
        }
        List<Progress.OutcomeRow> rows = new ArrayList<>();
        for (ProgrammeModule m : p.modules()) {
            outcomeRows(rows, m, "knowledge", m.outcomes().knowledge(), attained);
            outcomeRows(rows, m, "skills", m.outcomes().skills(), attained);
            outcomeRows(rows, m, "responsibility and autonomy", m.outcomes().responsibilityAndAutonomy(), attained);
        }
        return new Progress(learners, rows, rounds.stream().map(RoundState::row).toList());
    }

    private static void outcomeRows(List<Progress.OutcomeRow> rows, ProgrammeModule m, String descriptor, List<String> outcomes,
            Map<String, Set<String>> attained) {
        for (String o : outcomes) {
            int n = (int) attained.values().stream().filter(s -> s.contains(o)).count();
            rows.add(new Progress.OutcomeRow(m.id(), descriptor, o, n, attained.size()));
        }
    }

    private static List<String> all(ProgrammeModule m) {
        List<String> out = new ArrayList<>(m.outcomes().knowledge());
        out.addAll(m.outcomes().skills());
        out.addAll(m.outcomes().responsibilityAndAutonomy());
        return out;
    }
}
