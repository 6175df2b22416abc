package eu.vetnet.learning.programmes;

import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.learning.storage.CassandraProgrammes;
import eu.vetnet.learning.storage.RowVersions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * Designing programmes: facilitators and admins create them, their coordinators shape the modules and publish; every
 * signed-in person reads what is published (docs/learning.md, "Who may do what").
 */
public final class Programmes {

    private final CassandraProgrammes store;
    private final Clock clock;

    public Programmes(CassandraProgrammes store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public CompletionStage<Programme> create(VetnetUser user, ProgrammeInput in, boolean demo) {
        if (!user.hasRole(Role.FACILITATOR) && !user.hasRole(Role.ADMIN)) {
            throw ApiException.forbidden("only facilitators and admins design programmes", "ask a facilitator of your organisation");
        }
        if (in == null) {
            throw ApiException.badRequest("no programme in the request", "send the programme as JSON");
        }
        int hoursPerCredit = in.hoursPerCredit() == null ? CreditRules.DEFAULT_HOURS_PER_CREDIT : in.hoursPerCredit();
        CreditRules.checkHoursPerCredit(hoursPerCredit);
        var now = clock.instant();
        Programme programme = new Programme(UUID.randomUUID().toString(), ProgrammeRules.title(in.title()), ProgrammeRules.summary(in.summary()),
                ProgrammeRules.languages(in.languages()), hoursPerCredit, user.organisation(), List.of(Person.of(user)),
                Programme.Status.DRAFT, List.of(), demo, now, now);
        return store.save(programme);
    }

    /** The programme as this person may see it: a draft is its coordinators' (and admins') alone. */
    public CompletionStage<Programme> read(VetnetUser user, String id) {
        return store.byId(id).thenApply(found -> found.filter(p -> visible(user, p))
                .orElseThrow(() -> ApiException.notFound("no programme " + id)));
    }

    /** Published programmes and the drafts this person coordinates, newest first. */
    public CompletionStage<List<Programme>> list(VetnetUser user) {
        return store.all().thenApply(all -> all.stream().filter(p -> visible(user, p))
                .sorted(Comparator.comparing(Programme::createdAt).reversed()).toList());
    }

    public CompletionStage<Programme> addModule(VetnetUser user, String id, ModuleInput in) {
        return change(user, id, p -> {
            if (p.modules().size() >= ProgrammeRules.MAX_MODULES) {
                throw ApiException.conflict("a programme has at most " + ProgrammeRules.MAX_MODULES + " modules", "make a second programme");
            }
            ProgrammeModule module = ProgrammeRules.module(nextModuleId(p), in, p.hoursPerCredit(), p.modules());
            List<ProgrammeModule> modules = new ArrayList<>(p.modules());
            modules.add(module);
            return p.with(p.status(), modules, p.updatedAt());
        });
    }

    public CompletionStage<Programme> updateModule(VetnetUser user, String id, String moduleId, ModuleInput in) {
        return change(user, id, p -> {
            p.module(moduleId).orElseThrow(() -> ApiException.notFound("no module " + moduleId + " in this programme"));
            List<ProgrammeModule> others = p.modules().stream().filter(m -> !m.id().equals(moduleId)).toList();
            ProgrammeModule changed = ProgrammeRules.module(moduleId, in, p.hoursPerCredit(), others);
            List<ProgrammeModule> modules = p.modules().stream().map(m -> m.id().equals(moduleId) ? changed : m).toList();
            return p.with(p.status(), modules, p.updatedAt());
        });
    }

    public CompletionStage<Programme> publish(VetnetUser user, String id) {
        return change(user, id, p -> {
            if (p.modules().isEmpty()) {
                throw ApiException.conflict("a programme without modules cannot be published", "add its first module");
            }
            return p.with(Programme.Status.PUBLISHED, p.modules(), p.updatedAt());
        });
    }

    /**
     * Applies {@code change} to the programme as stored, for one of its coordinators, and writes it over exactly what
     * was read (storage/RowVersions): two coordinators adding modules at once both keep theirs.
     */
    private CompletionStage<Programme> change(VetnetUser user, String id, UnaryOperator<Programme> change) {
        return RowVersions.change(() -> editable(user, id), before -> {
            Programme changed = change.apply(before);
            return changed.with(changed.status(), changed.modules(), RowVersions.next(before.updatedAt(), clock.instant()));
        }, store::replace, "the programme");
    }

    /** The programme, for a change by one of its coordinators or an admin. */
    public CompletionStage<Programme> editable(VetnetUser user, String id) {
        return read(user, id).thenApply(p -> {
            if (!mayCoordinate(user, p)) {
                throw ApiException.forbidden("only the programme's coordinators change it", "ask " + p.coordinators().get(0).name());
            }
            return p;
        });
    }

    public static boolean mayCoordinate(VetnetUser user, Programme p) {
        return p.coordinatedBy(user.id()) || user.hasRole(Role.ADMIN);
    }

    private static boolean visible(VetnetUser user, Programme p) {
        return p.status() == Programme.Status.PUBLISHED || mayCoordinate(user, p);
    }

    private static String nextModuleId(Programme p) {
        int max = p.modules().stream().map(m -> m.id().substring(1)).mapToInt(Integer::parseInt).max().orElse(0);
        return "m" + (max + 1);
    }
}
