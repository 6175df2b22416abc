package eu.vetnet.learning.review;

import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.identity.api.RoomIds;
import eu.vetnet.learning.editions.CalendarItem;
import eu.vetnet.learning.editions.EditionRules;
import eu.vetnet.learning.editions.Editions;
import eu.vetnet.learning.editions.Enrolment;
import eu.vetnet.learning.programmes.Person;
import eu.vetnet.learning.programmes.ProgrammeRules;
import eu.vetnet.learning.storage.CassandraEditions;
import eu.vetnet.learning.storage.CassandraReviews;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Peer review of co-design outputs in phases (docs/learning.md, "Peer review"): the facilitators open a round on an
 * assignment and move it from phase to phase; learners submit, review what they were allocated with the rubric, and
 * read what they received when it closes. Every action checks the phase: nothing is submitted during assessment,
 * nothing assessed during grading.
 */
public final class Reviews {

    static final int MAX_CRITERIA = 10;
    static final int MAX_REVIEWERS = 5;

    private final CassandraReviews store;
    private final CassandraEditions editions;
    private final Editions editionService;
    private final Clock clock;

    public Reviews(CassandraReviews store, CassandraEditions editions, Editions editionService, Clock clock) {
        this.store = store;
        this.editions = editions;
        this.editionService = editionService;
        this.clock = clock;
    }

    public CompletionStage<ReviewRound> open(VetnetUser user, String editionId, ReviewInputs.RoundInput in) {
        if (in == null || in.rubric() == null || in.rubric().isEmpty() || in.rubric().size() > MAX_CRITERIA) {
            throw ApiException.badRequest("a rubric needs 1 to " + MAX_CRITERIA + " lines", "say what is judged and the points each line gives");
        }
        int k = in.reviewersPerSubmission() == null ? 2 : in.reviewersPerSubmission();
        if (k < 1 || k > MAX_REVIEWERS) {
            throw ApiException.badRequest("each submission has 1 to " + MAX_REVIEWERS + " reviewers, not " + k, "2 or 3 is usual");
        }
        List<ReviewRound.Criterion> rubric = new ArrayList<>();
        for (ReviewInputs.CriterionInput c : in.rubric()) {
            int max = c == null || c.maxPoints() == null ? 0 : c.maxPoints();
            if (max < 1 || max > 100) {
                throw ApiException.badRequest("a rubric line gives 1 to 100 points, not " + max, "give each line its maximum");
            }
            rubric.add(new ReviewRound.Criterion("c" + (rubric.size() + 1), ProgrammeRules.title(c.text()), max));
        }
        String title = ProgrammeRules.title(in.title());
        return editionService.facilitated(user, editionId).thenCompose(f -> {
            CalendarItem item = f.edition().calendar().stream().filter(i -> i.id().equals(in.itemId())).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("no calendar entry " + in.itemId() + " in this edition", "name the assignment (s1, s2, ...)"));
            if (item.kind() != CalendarItem.Kind.ASSIGNMENT) {
                throw ApiException.badRequest("peer review is of an assignment's deliverables", "choose an assignment of the calendar");
            }
            return store.create(new ReviewRound(UUID.randomUUID().toString(), editionId, item.id(), title, rubric, k, ReviewRound.Phase.SUBMISSION,
                    Map.of(), Person.of(user), clock.instant()));
        });
    }

    /** An enrolled learner submits (or replaces) their deliverable while the round takes submissions. */
    public CompletionStage<Submission> submit(VetnetUser user, String editionId, String roundId, ReviewInputs.SubmissionInput in) {
        if (in == null || in.kind() == null) {
            throw ApiException.badRequest("say what you submit", "kind: BOARD or DOCUMENT (a room's id), PRACTICE (its link)");
        }
        String ref = in.kind() == Submission.Kind.PRACTICE ? EditionRules.link(in.ref()) : RoomIds.require("ref", in.ref());
        String note = in.note() == null ? "" : ProgrammeRules.summary(in.note());
        return round(editionId, roundId).thenCompose(r -> editions.enrolment(editionId, user.id()).thenCompose(en -> {
            if (en.isEmpty() || en.get().status() != Enrolment.Status.ENROLLED) {
                throw ApiException.conflict("you are not enrolled in this edition", "enrol first");
            }
            requirePhase(r, ReviewRound.Phase.SUBMISSION, "submitted to");
            return store.save(new Submission(roundId, user.id(), user.displayName(), in.kind(), ref, note, clock.instant()));
        }));
    }

    /** A facilitator moves the round to its next phase (and only the next): allocation when assessment opens, points when grading does. */
    public CompletionStage<ReviewRound> advance(VetnetUser user, String editionId, String roundId, ReviewRound.Phase to) {
        if (to == null) {
            throw ApiException.badRequest("say the phase", "phase: ASSESSMENT, GRADING or CLOSED");
        }
        return editionService.facilitated(user, editionId).thenCompose(f -> round(editionId, roundId)).thenCompose(r -> {
            if (to.ordinal() != r.phase().ordinal() + 1) {
                throw ApiException.conflict("the round is in " + r.phase() + "; it moves to the next phase only",
                        "the phases go: submission, assessment, grading, closed");
            }
            CompletionStage<ReviewRound> next = switch (to) {
                case ASSESSMENT -> store.submissions(roundId).thenApply(subs -> {
                    if (subs.size() < 2) {
                        throw ApiException.conflict("peer review needs at least two submissions, not " + subs.size(), "wait for more, or close the round");
                    }
                    return r.with(to, Allocation.of(subs.stream().map(Submission::learnerId).toList(), r.reviewersPerSubmission(),
                            UUID.fromString(r.id()).getMostSignificantBits()));
                });
                case GRADING -> suggestGrades(r).thenApply(v -> r.with(to, r.allocation()));
                default -> CompletableFuture.completedFuture(r.with(to, r.allocation()));
            };
            return next.thenCompose(n -> store.advance(n, r.phase()).thenApply(applied -> {
                if (!applied) {
                    throw ApiException.conflict("the round moved meanwhile", "reload it");
                }
                return n;
            }));
        });
    }

    /** A reviewer assesses a submission they were allocated, with a score for every line of the rubric. */
    public CompletionStage<PeerAssessment> assess(VetnetUser user, String editionId, String roundId, String authorId, ReviewInputs.AssessmentInput in) {
        return round(editionId, roundId).thenCompose(r -> {
            requirePhase(r, ReviewRound.Phase.ASSESSMENT, "assessed in");
            if (!r.allocation().getOrDefault(user.id(), List.of()).contains(authorId)) {
                throw ApiException.forbidden("this submission was not given to you to review", "review the ones the round gave you");
            }
            Map<String, Integer> scores = scores(r, in);
            String comment = in.comment() == null ? "" : ProgrammeRules.summary(in.comment());
            return store.save(new PeerAssessment(roundId, user.id(), authorId, scores, comment, clock.instant()));
        });
    }

    /** A facilitator sets an author's grade after moderating what the reviewers gave. */
    public CompletionStage<Grade> grade(VetnetUser user, String editionId, String roundId, String authorId, String grade) {
        String g = grade == null ? "" : grade.strip();
        if (g.isEmpty() || g.length() > 40 || g.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("a grade is 1 to 40 characters of plain text", "write it as the learner should read it");
        }
        return editionService.facilitated(user, editionId).thenCompose(f -> round(editionId, roundId)).thenCompose(r -> {
            requirePhase(r, ReviewRound.Phase.GRADING, "graded in");
            return store.grades(roundId).thenCompose(all -> {
                Grade suggested = all.stream().filter(x -> x.authorId().equals(authorId)).findFirst()
                        .orElseThrow(() -> ApiException.notFound("no submission of " + authorId + " in this round"));
                return store.save(new Grade(roundId, authorId, suggested.name(), suggested.points(), suggested.maxPoints(), suggested.reviews(), g,
                        Person.of(user), clock.instant()));
            });
        });
    }

    /** The edition's rounds as this person sees them, newest first. */
    public CompletionStage<List<RoundView>> of(VetnetUser user, String editionId) {
        return editionService.read(user, editionId).thenCompose(view -> store.rounds(editionId).thenCompose(rounds -> {
            List<CompletableFuture<RoundView>> views = new ArrayList<>();
            rounds.stream().sorted(Comparator.comparing(ReviewRound::createdAt).reversed())
                    .forEach(r -> views.add(view(user, r, view.facilitating()).toCompletableFuture()));
            return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(v -> views.stream().map(CompletableFuture::join).toList());
        }));
    }

    private CompletionStage<RoundView> view(VetnetUser user, ReviewRound r, boolean facilitating) {
        return store.submissions(r.id()).thenCompose(subs -> store.assessments(r.id()).thenCompose(assessments -> store.grades(r.id())
                .thenApply(grades -> view(user, r, facilitating, subs, assessments, grades))));
    }

    static RoundView view(VetnetUser user, ReviewRound r, boolean facilitating, List<Submission> subs, List<PeerAssessment> assessments,
            List<Grade> grades) {
        Submission mine = subs.stream().filter(s -> s.learnerId().equals(user.id())).findFirst().orElse(null);
        List<RoundView.ToReview> toReview = new ArrayList<>();
        for (String author : r.allocation().getOrDefault(user.id(), List.of())) {
            subs.stream().filter(s -> s.learnerId().equals(author)).findFirst().ifPresent(s -> toReview.add(new RoundView.ToReview(author,
                    s.kind(), s.ref(), s.note(), assessments.stream()
                            .filter(a -> a.authorId().equals(author) && a.reviewerId().equals(user.id())).findFirst().orElse(null))));
        }
        boolean closed = r.phase() == ReviewRound.Phase.CLOSED;
        List<RoundView.Received> received = closed ? assessments.stream().filter(a -> a.authorId().equals(user.id()))
                .map(a -> new RoundView.Received(a.scores(), a.total(), a.comment())).toList() : List.of();
        Grade myGrade = closed ? grades.stream().filter(g -> g.authorId().equals(user.id())).findFirst().orElse(null) : null;
        ReviewRound shown = facilitating ? r : r.with(r.phase(), Map.of());
        return new RoundView(shown, subs.size(), mine, toReview, received, myGrade,
                facilitating ? new RoundView.FacilitatorView(subs, assessments, grades) : null);
    }

    /** Grading opens with each author's points: the mean of their reviewers' totals. */
    private CompletionStage<Void> suggestGrades(ReviewRound r) {
        return store.submissions(r.id()).thenCombine(store.assessments(r.id()), (subs, assessments) -> {
            List<CompletableFuture<Grade>> saved = new ArrayList<>();
            for (Submission s : subs) {
                List<PeerAssessment> mine = assessments.stream().filter(a -> a.authorId().equals(s.learnerId())).toList();
                double points = mine.stream().mapToInt(PeerAssessment::total).average().orElse(0);
                saved.add(store.save(new Grade(r.id(), s.learnerId(), s.name(), Math.round(points * 10) / 10.0, r.maxPoints(), mine.size(), "",
                        null, clock.instant())).toCompletableFuture());
            }
            return CompletableFuture.allOf(saved.toArray(CompletableFuture[]::new));
        }).thenCompose(all -> all);
    }

    private static Map<String, Integer> scores(ReviewRound r, ReviewInputs.AssessmentInput in) {
        if (in == null || in.scores() == null) {
            throw ApiException.badRequest("score every line of the rubric", "send {\"scores\": {\"c1\": 3, ...}, \"comment\": \"...\"}");
        }
        Map<String, Integer> out = new HashMap<>();
        for (ReviewRound.Criterion c : r.rubric()) {
            Integer v = in.scores().get(c.id());
            if (v == null || v < 0 || v > c.maxPoints()) {
                throw ApiException.badRequest("line " + c.id() + " (" + c.text() + ") takes 0 to " + c.maxPoints() + " points, not " + v,
                        "score every line of the rubric within its maximum");
            }
            out.put(c.id(), v);
        }
        if (in.scores().size() != out.size()) {
            throw ApiException.badRequest("scores for lines the rubric does not have", "score the rubric's lines only: " + r.rubric().stream().map(ReviewRound.Criterion::id).toList());
        }
        return out;
    }

    private CompletionStage<ReviewRound> round(String editionId, String roundId) {
        return store.round(editionId, roundId).thenApply(found -> found.orElseThrow(() -> ApiException.notFound("no review round " + roundId)));
    }

    private static void requirePhase(ReviewRound r, ReviewRound.Phase phase, String what) {
        if (r.phase() != phase) {
            throw ApiException.conflict("the round is in " + r.phase().name().toLowerCase() + ": nothing is " + what + " it now",
                    "the phases go: submission, assessment, grading, closed");
        }
    }
}
