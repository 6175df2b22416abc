package eu.vetnet.learning.credentials;

import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.learning.editions.Editions;
import eu.vetnet.learning.editions.Enrolment;
import eu.vetnet.learning.programmes.Programme;
import eu.vetnet.learning.programmes.ProgrammeModule;
import eu.vetnet.learning.programmes.Programmes;
import eu.vetnet.learning.records.Results;
import eu.vetnet.learning.records.Transcript;
import eu.vetnet.learning.storage.CassandraCredentials;
import eu.vetnet.learning.storage.CassandraEditions;
import eu.vetnet.learning.storage.CassandraProgrammes;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issuing and revoking credentials: a facilitator issues one for a module a learner passed, or for a programme they
 * completed; it is signed with the programme's organisation's key and the learner keeps it (docs/learning.md,
 * "Credentials").
 */
public final class Credentials {

    /** Attempts at a free random status list position (a list far from full finds one at the first). */
    static final int POSITION_ATTEMPTS = 30;
    public static final String WHOLE_PROGRAMME = "programme";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CassandraCredentials store;
    private final CassandraEditions editions;
    private final CassandraProgrammes programmes;
    private final Editions editionService;
    private final Results results;
    private final IssuerKeys keys;
    private final Issuers issuers;
    private final String publicUrl;
    private final JsonMapper json;
    private final Clock clock;

    public Credentials(CassandraCredentials store, CassandraEditions editions, CassandraProgrammes programmes, Editions editionService,
            Results results, IssuerKeys keys, Issuers issuers, String publicUrl, JsonMapper json, Clock clock) {
        this.store = store;
        this.editions = editions;
        this.programmes = programmes;
        this.editionService = editionService;
        this.results = results;
        this.keys = keys;
        this.issuers = issuers;
        this.publicUrl = publicUrl;
        this.json = json;
        this.clock = clock;
    }

    /** Issues a credential for {@code achievement}: a module id, or {@value #WHOLE_PROGRAMME}. */
    public CompletionStage<IssuedCredential> issue(VetnetUser user, String editionId, String learnerId, String achievement) {
        return editionService.facilitated(user, editionId).thenCompose(f -> editions.enrolment(editionId, learnerId).thenCompose(en -> {
            Enrolment enrolment = en.filter(e -> e.status() == Enrolment.Status.ENROLLED)
                    .orElseThrow(() -> ApiException.conflict(learnerId + " is not enrolled in this edition", "credentials go to enrolled learners"));
            Programme p = f.programme();
            String slug = Issuers.slug(p.organisation());
            return results.transcriptOf(learnerId, enrolment.name()).thenCompose(t -> {
                CredentialDocument.Achievement a = achievement(p, t, achievement);
                String id = UUID.randomUUID().toString();
                return keys.signing(slug, p.organisation()).thenCompose(key -> position(slug, id, POSITION_ATTEMPTS).thenCompose(index -> {
                    var doc = CredentialDocument.of(id, new CredentialDocument.Issuer(issuers.id(slug), key.name()),
                            new CredentialDocument.Learner(learnerId, enrolment.name()), a,
                            new CredentialDocument.Status(issuers.statusList(slug), index), publicUrl, clock.instant());
                    String jws = Jws.sign(json.writeValueAsString(doc), issuers.id(slug), key);
                    return store.save(new IssuedCredential(id, learnerId, slug, p.id(), index, jws, clock.instant(), null, null));
                }));
            });
        }));
    }

    /** The programme's coordinators (and admins) revoke: the status list says so from then on. */
    public CompletionStage<IssuedCredential> revoke(VetnetUser user, String credentialId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 300) {
            throw ApiException.badRequest("say why the credential is revoked (up to 300 characters)", "the learner is told the reason");
        }
        return store.byId(credentialId).thenCompose(found -> {
            IssuedCredential c = found.orElseThrow(() -> ApiException.notFound("no credential " + credentialId));
            return programmes.byId(c.programmeId()).thenCompose(p -> {
                boolean allowed = user.hasRole(Role.ADMIN) || p.map(x -> Programmes.mayCoordinate(user, x)).orElse(false);
                if (!allowed) {
                    throw ApiException.notFound("no credential " + credentialId);
                }
                if (c.revokedAt() != null) {
                    return CompletableFuture.completedFuture(c);
                }
                var at = clock.instant();
                return store.revoke(c, why, at).thenApply(v -> new IssuedCredential(c.id(), c.learnerId(), c.issuer(), c.programmeId(),
                        c.statusIndex(), c.jws(), c.issuedAt(), at, why));
            });
        });
    }

    /** The credentials the signed-in person holds, newest first. */
    public CompletionStage<List<IssuedCredential>> mine(VetnetUser user) {
        return store.ofLearner(user.id()).thenApply(all -> all.stream().sorted(Comparator.comparing(IssuedCredential::issuedAt).reversed()).toList());
    }

    private static CredentialDocument.Achievement achievement(Programme p, Transcript t, String achievement) {
        var record = t.programmes().stream().filter(r -> r.programmeId().equals(p.id())).findFirst();
        if (WHOLE_PROGRAMME.equals(achievement)) {
            if (record.isEmpty() || !record.get().complete()) {
                throw ApiException.conflict("the learner has not passed every module of the programme", "issue credentials for the modules passed");
            }
            return new CredentialDocument.Achievement(p, null, null);
        }
        ProgrammeModule module = p.module(achievement)
                .orElseThrow(() -> ApiException.badRequest("'" + achievement + "' is neither a module of the programme nor 'programme'",
                        "name the module passed (m1, m2, ...) or the whole programme"));
        var result = record.flatMap(r -> r.modules().stream().filter(m -> m.moduleId().equals(module.id()) && m.passed()).findFirst());
        if (result.isEmpty()) {
            throw ApiException.conflict("the learner has not passed module " + module.id(), "record their result first");
        }
        return new CredentialDocument.Achievement(p, module, result.get().grade());
    }

    private CompletionStage<Integer> position(String slug, String credentialId, int attemptsLeft) {
        if (attemptsLeft == 0) {
            throw new IllegalStateException("no free position found in the status list of " + slug);
        }
        int index = RANDOM.nextInt(StatusList.SIZE);
        return store.claimPosition(slug, index, credentialId)
                .thenCompose(free -> free ? CompletableFuture.completedFuture(index) : position(slug, credentialId, attemptsLeft - 1));
    }
}
