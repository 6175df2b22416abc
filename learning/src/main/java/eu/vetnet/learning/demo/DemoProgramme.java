package eu.vetnet.learning.demo;

import eu.vetnet.identity.issuer.DemoUser;
import eu.vetnet.identity.issuer.DemoUsers;
import eu.vetnet.learning.editions.CalendarItem;
import eu.vetnet.learning.editions.Edition;
import eu.vetnet.learning.editions.Enrolment;
import eu.vetnet.learning.programmes.ModuleInput;
import eu.vetnet.learning.programmes.Outcomes;
import eu.vetnet.learning.programmes.Person;
import eu.vetnet.learning.programmes.Programme;
import eu.vetnet.learning.programmes.ProgrammeModule;
import eu.vetnet.learning.programmes.ProgrammeRules;
import eu.vetnet.learning.storage.CassandraEditions;
import eu.vetnet.learning.storage.CassandraProgrammes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded run's demo programme (docs/learning.md, "Demo data"): two modules coordinated by the demo facilitator
 * fabio, published, with one open edition and its calendar. Marked {@code demo}; loaded only when asked for and never in
 * production mode (the configuration decides), and only when no demo programme exists yet.
 */
public final class DemoProgramme {

    private static final Logger log = LoggerFactory.getLogger(DemoProgramme.class);
    public static final String TITLE = "Co-design for VET trainers (demo)";

    private final CassandraProgrammes programmes;
    private final CassandraEditions editions;
    private final Clock clock;

    public DemoProgramme(CassandraProgrammes programmes, CassandraEditions editions, Clock clock) {
        this.programmes = programmes;
        this.editions = editions;
        this.clock = clock;
    }

    public CompletionStage<Void> loadWhenMissing() {
        return programmes.all().thenCompose(all -> {
            if (all.stream().anyMatch(Programme::demo)) {
                return CompletableFuture.completedFuture(null);
            }
            DemoUser fabio = DemoUsers.find("fabio").orElseThrow();
            Person coordinator = new Person(fabio.subject(), fabio.firstName() + " " + fabio.lastName());
            String organisation = fabio.groups().get(0).substring(fabio.groups().get(0).lastIndexOf('/') + 1);
            Instant now = clock.instant();
            List<ProgrammeModule> modules = new ArrayList<>();
            modules.add(ProgrammeRules.module("m1", new ModuleInput("Facilitating live co-design",
                    "Plan and run a co-design workshop in a VET-NET room: agenda, board, votes and questions.", 5,
                    new Outcomes(List.of("Knows the phases of a co-design workshop and the tools each phase needs"),
                            List.of("Runs a two-hour online workshop with a shared board and document"),
                            List.of("Takes responsibility for the inclusion of every participant")),
                    75, null, null, List.of("Observed workshop", "Reflective log"), List.of(), List.of("en", "it", "de"), "curriculumCoDesign"), 25, modules));
            modules.add(ProgrammeRules.module("m2", new ModuleInput("From workshop to best practice",
                    "Turn the outcome of a workshop into a practice for the library, with evidence and a licence.", 5,
                    new Outcomes(List.of("Knows what makes a practice transferable to another region"),
                            List.of("Writes a practice with context, steps and evidence"),
                            List.of("Reviews a peer's practice and gives reasoned advice")),
                    50, null, null, List.of("Published practice", "Peer review"), List.of("m1"), List.of("en", "it", "de"), null), 25, modules));
            Programme programme = new Programme(UUID.randomUUID().toString(), TITLE,
                    "Demo data: a short programme for trainers who run co-design workshops with craft SMEs.", List.of("en", "it", "de"), 25,
                    organisation, List.of(coordinator), Programme.Status.PUBLISHED, modules, true, now, now);
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            Instant firstSession = today.plusDays(7).atTime(9, 0).toInstant(ZoneOffset.UTC);
            Edition edition = new Edition(UUID.randomUUID().toString(), programme.id(), "Demo cohort", today, today.plusDays(90),
                    Enrolment.Policy.OPEN, 20, List.of(coordinator), List.of(
                            new CalendarItem("s1", "m1", CalendarItem.Kind.IN_PERSON, "Kick-off at the college", firstSession,
                                    firstSession.plus(Duration.ofHours(3)), null, "Northfield VET College, room 2", null),
                            new CalendarItem("s2", "m1", CalendarItem.Kind.SELF_STUDY, "Reading: the five phases of co-design", null, null, null,
                                    null, "https://example.org/vetnet-demo/co-design-phases"),
                            new CalendarItem("s3", "m2", CalendarItem.Kind.ASSIGNMENT, "Draft your practice", null,
                                    firstSession.plus(30, ChronoUnit.DAYS), null, null, null)),
                    List.of(), now, null);
            return programmes.save(programme).thenCompose(p -> editions.save(edition, true)).thenAccept(e ->
                    log.info("learning: demo programme '{}' loaded (demo data, never in production mode)", TITLE));
        });
    }
}
