package eu.vetnet.learning.editions;

import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.identity.api.RoomIds;
import eu.vetnet.learning.programmes.Person;
import eu.vetnet.learning.programmes.Programme;
import eu.vetnet.learning.programmes.Programmes;
import eu.vetnet.learning.rooms.LiveRooms;
import eu.vetnet.learning.storage.CassandraEditions;
import eu.vetnet.learning.storage.RowVersions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * Editions of programmes and who takes part in them: opening an edition, its calendar, enrolment with capacity and a
 * waiting list (docs/learning.md, "Editions" and "Enrolment").
 */
public final class Editions {

    private final CassandraEditions store;
    private final Programmes programmes;
    private final Seats seats;
    private final LiveRooms rooms;
    private final Clock clock;

    public Editions(CassandraEditions store, Programmes programmes, LiveRooms rooms, Clock clock) {
        this.store = store;
        this.programmes = programmes;
        this.rooms = rooms;
        this.seats = new Seats(store);
        this.clock = clock;
    }

    /** An edition and the programme it runs, as one person sees them. */
    public record EditionView(Edition edition, String programmeTitle, int seatsTaken, Enrolment mine, boolean facilitating) {
    }

    public CompletionStage<Edition> open(VetnetUser user, String programmeId, EditionInput in) {
        return programmes.editable(user, programmeId).thenCompose(p -> {
            EditionRules.check(in);
            if (p.status() != Programme.Status.PUBLISHED) {
                throw ApiException.conflict("the programme is still a draft", "publish it first: learners enrol in published programmes");
            }
            Edition edition = new Edition(UUID.randomUUID().toString(), p.id(), in.title().strip(), in.starts(), in.ends(), in.enrolment(),
                    in.capacity(), List.of(Person.of(user)), List.of(), List.of(), clock.instant(), null);
            return store.save(edition, true);
        });
    }

    public CompletionStage<List<EditionView>> ofProgramme(VetnetUser user, String programmeId) {
        return programmes.read(user, programmeId).thenCompose(p -> store.ofProgramme(p.id()).thenCompose(editions -> {
            List<CompletableFuture<EditionView>> views = new ArrayList<>();
            editions.stream().sorted(Comparator.comparing(Edition::starts))
                    .forEach(e -> views.add(view(user, e, p).toCompletableFuture()));
            return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(v -> views.stream().map(CompletableFuture::join).toList());
        }));
    }

    public CompletionStage<EditionView> read(VetnetUser user, String editionId) {
        return edition(user, editionId).thenCompose(e -> programmes.read(user, e.programmeId()).thenCompose(p -> view(user, e, p)));
    }

    /**
     * Adds an entry to the edition's calendar. A live session without a room gets one made for it on the room server,
     * with the facilitator's token (docs/learning.md, "Live sessions"); either way the room is linked to the course.
     */
    public CompletionStage<Edition> addToCalendar(VetnetUser user, String bearerToken, String editionId, CalendarItemInput in) {
        return facilitated(user, editionId).thenCompose(found -> {
            requireRoomInCalendar(found.edition());
            // Checked before any room is made; its id is given when it is appended to the calendar as it is then.
            CalendarItem draft = EditionRules.item("s0", in, found.programme());
            CompletionStage<CalendarItem> ready = draft.kind() != CalendarItem.Kind.LIVE || draft.roomId() != null
                    ? CompletableFuture.completedFuture(draft) : newRoom(user, bearerToken, found, draft).thenApply(draft::withRoom);
            return ready.thenCompose(item -> change(editionId, e -> {
                requireRoomInCalendar(e);
                int next = e.calendar().stream().mapToInt(i -> Integer.parseInt(i.id().substring(1))).max().orElse(0) + 1;
                return e.withCalendar(with(e, item.withId("s" + next)));
            })).thenCompose(saved -> {
                CalendarItem added = saved.calendar().get(saved.calendar().size() - 1);
                return added.kind() != CalendarItem.Kind.LIVE ? CompletableFuture.completedFuture(saved)
                        : store.linkRoom(added.roomId(), saved.id(), added.id()).thenApply(v -> saved);
            });
        });
    }

    private static void requireRoomInCalendar(Edition e) {
        if (e.calendar().size() >= EditionRules.MAX_CALENDAR_ITEMS) {
            throw ApiException.conflict("an edition's calendar holds at most " + EditionRules.MAX_CALENDAR_ITEMS + " entries",
                    "open a second edition");
        }
    }

    /**
     * Applies {@code change} to the edition as stored and writes it over exactly what was read (storage/RowVersions);
     * a change that changes nothing writes nothing.
     */
    private CompletionStage<Edition> change(String editionId, UnaryOperator<Edition> change) {
        return RowVersions.change(() -> store.byId(editionId).thenApply(found -> found.orElseThrow(() -> ApiException.notFound("no edition " + editionId))),
                before -> {
                    Edition changed = change.apply(before);
                    return changed == before ? before : changed.stamped(RowVersions.next(before.version(), clock.instant()));
                }, store::replace, "the edition");
    }

    /**
     * Puts the edition's enrolled learners on a live session's room list (those who enrolled after it was scheduled),
     * with the facilitator's token: the room server checks that they facilitate the room. Answers how many were added.
     */
    public CompletionStage<Integer> letIntoRoom(VetnetUser user, String bearerToken, String editionId, String itemId) {
        return facilitated(user, editionId).thenCompose(found -> {
            CalendarItem item = found.edition().calendar().stream().filter(i -> i.id().equals(itemId)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("no calendar entry " + itemId + " in this edition"));
            if (item.kind() != CalendarItem.Kind.LIVE) {
                throw ApiException.conflict("only a live session has a room", "choose a live session");
            }
            return store.enrolments(editionId).thenCompose(all -> rooms.letIn(bearerToken, item.roomId(), all.stream()
                    .filter(x -> x.status() == Enrolment.Status.ENROLLED).map(x -> new LiveRooms.Learner(x.learnerId(), x.username())).toList()));
        });
    }

    /** The course a room is the live session of, for someone who may read that edition; empty when it is none. */
    public CompletionStage<Optional<CourseOfRoom>> courseOf(VetnetUser user, String roomId) {
        RoomIds.require("room", roomId);
        return store.liveRoom(roomId).thenCompose(link -> {
            if (link.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<CourseOfRoom>empty());
            }
            return read(user, link.get().editionId()).handle((view, err) -> {
                if (err != null) {
                    // Someone who may not read the edition (a draft programme's) learns nothing of it from a room.
                    return Optional.<CourseOfRoom>empty();
                }
                Edition e = view.edition();
                return e.calendar().stream().filter(i -> i.id().equals(link.get().itemId())).findFirst()
                        .map(i -> new CourseOfRoom(e.id(), e.title(), view.programmeTitle(), i.id(), i.title(), i.starts(), i.ends()));
            });
        });
    }

    /** What a live session's room shows of its course: a link back to the edition. */
    public record CourseOfRoom(String editionId, String editionTitle, String programmeTitle, String itemId, String itemTitle, Instant starts,
            Instant ends) {
    }

    private CompletionStage<String> newRoom(VetnetUser user, String bearerToken, Facilitated found, CalendarItem item) {
        String template = found.programme().module(item.moduleId()).map(m -> m.template()).orElse(null);
        List<String> facilitators = found.edition().facilitators().stream().map(Person::id).filter(id -> !id.equals(user.id())).toList();
        return enrolledIds(found.edition().id()).thenCompose(learners -> rooms.create(bearerToken,
                found.programme().title() + ": " + item.title(), template, facilitators, learners))
                .thenCompose(roomId -> item.starts() == null || item.ends() == null ? CompletableFuture.completedFuture(roomId)
                        : rooms.schedule(bearerToken, roomId, item.starts(), item.ends()).thenApply(v -> roomId));
    }

    private CompletionStage<List<String>> enrolledIds(String editionId) {
        return store.enrolments(editionId).thenApply(all -> all.stream().filter(x -> x.status() == Enrolment.Status.ENROLLED)
                .map(Enrolment::learnerId).toList());
    }

    private static List<CalendarItem> with(Edition e, CalendarItem item) {
        List<CalendarItem> items = new ArrayList<>(e.calendar());
        items.add(item);
        return items;
    }

    public CompletionStage<Edition> invite(VetnetUser user, String editionId, String username) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw ApiException.badRequest("'" + username + "' is not a username", "invite people by the name they sign in with");
        }
        return facilitated(user, editionId).thenCompose(found -> change(editionId, e -> {
            if (e.invited().contains(username)) {
                return e;
            }
            List<String> invited = new ArrayList<>(e.invited());
            invited.add(username);
            return e.withInvited(invited);
        }));
    }

    /**
     * The person asks for a place: enrolled if one is free (waiting otherwise) in an open edition or when invited,
     * requested in an edition on approval. Asking again changes nothing.
     */
    public CompletionStage<Enrolment> enrol(VetnetUser user, String editionId) {
        return edition(user, editionId).thenCompose(e -> store.enrolment(editionId, user.id()).thenCompose(existing -> {
            if (existing.isPresent() && existing.get().status() != Enrolment.Status.WITHDRAWN) {
                return CompletableFuture.completedFuture(existing.get());
            }
            boolean invited = e.invited().contains(user.username());
            Enrolment asked = new Enrolment(e.id(), user.id(), user.username(), user.displayName(), Enrolment.Status.REQUESTED, clock.instant(),
                    existing.map(Enrolment::attendanceConsent).orElse(null), existing.map(Enrolment::consentAt).orElse(null));
            return switch (e.enrolment()) {
                case OPEN -> seat(e, asked);
                case APPROVAL -> invited ? seat(e, asked) : store.saveEnrolment(asked);
                case INVITATION -> {
                    if (!invited) {
                        throw ApiException.forbidden("this edition takes people by invitation only", "ask its facilitator to invite you");
                    }
                    yield seat(e, asked);
                }
            };
        }));
    }

    /** A facilitator lets a requested person in (enrolled, or waiting when full). */
    public CompletionStage<Enrolment> approve(VetnetUser user, String editionId, String learnerId) {
        return facilitated(user, editionId).thenCompose(found -> store.enrolment(editionId, learnerId).thenCompose(en -> {
            Enrolment e = en.orElseThrow(() -> ApiException.notFound("no request from " + learnerId + " in this edition"));
            if (e.status() != Enrolment.Status.REQUESTED) {
                return CompletableFuture.completedFuture(e);
            }
            return seat(found.edition(), e);
        }));
    }

    /** The person leaves: their seat goes to the first on the waiting list. */
    public CompletionStage<Enrolment> withdraw(VetnetUser user, String editionId) {
        return edition(user, editionId).thenCompose(e -> store.enrolment(editionId, user.id()).thenCompose(en -> {
            Enrolment mine = en.orElseThrow(() -> ApiException.notFound("you have no place in this edition"));
            if (mine.status() == Enrolment.Status.WITHDRAWN) {
                return CompletableFuture.completedFuture(mine);
            }
            Enrolment withdrawn = mine.with(Enrolment.Status.WITHDRAWN, clock.instant());
            if (mine.status() != Enrolment.Status.ENROLLED) {
                return store.saveEnrolment(withdrawn);
            }
            return store.saveEnrolment(withdrawn).thenCompose(w -> seats.release(e.id(), e.capacity())).thenCompose(v -> promote(e))
                    .thenApply(v -> withdrawn);
        }));
    }

    /** The learner says whether their attendance at live sessions may be read from the rooms' history. */
    public CompletionStage<Enrolment> consent(VetnetUser user, String editionId, Boolean attendance) {
        if (attendance == null) {
            throw ApiException.badRequest("say yes or no", "send {\"attendance\": true} or false");
        }
        return edition(user, editionId).thenCompose(e -> store.enrolment(editionId, user.id()).thenCompose(en -> {
            Enrolment mine = en.filter(x -> x.status() != Enrolment.Status.WITHDRAWN)
                    .orElseThrow(() -> ApiException.notFound("you have no place in this edition", "enrol first"));
            return store.saveEnrolment(mine.withConsent(attendance, clock.instant()));
        }));
    }

    /** Everyone with a place, a request or a seat on the waiting list, for the edition's facilitators. */
    public CompletionStage<List<Enrolment>> roster(VetnetUser user, String editionId) {
        return facilitated(user, editionId).thenCompose(found -> store.enrolments(editionId))
                .thenApply(all -> all.stream().sorted(Comparator.comparing(Enrolment::at)).toList());
    }

    /** The editions this person has a place in (or asked for), with the programme's title. */
    public CompletionStage<List<EditionView>> mine(VetnetUser user) {
        return store.editionsOf(user.id()).thenCompose(ids -> {
            List<CompletableFuture<Optional<EditionView>>> views = new ArrayList<>();
            for (String id : ids) {
                views.add(store.byId(id).thenCompose(found -> found.isEmpty() ? CompletableFuture.completedFuture(Optional.<EditionView>empty())
                        : programmes.read(user, found.get().programmeId()).thenCompose(p -> view(user, found.get(), p)).thenApply(Optional::of))
                        .toCompletableFuture());
            }
            return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new))
                    .thenApply(v -> views.stream().map(CompletableFuture::join).flatMap(Optional::stream)
                            .filter(view -> view.mine() != null && view.mine().status() != Enrolment.Status.WITHDRAWN).toList());
        });
    }

    /** The edition and its programme, for someone who facilitates it (a facilitator of it, a coordinator, an admin). */
    public CompletionStage<Facilitated> facilitated(VetnetUser user, String editionId) {
        return edition(user, editionId).thenCompose(e -> programmes.read(user, e.programmeId()).thenApply(p -> {
            if (!facilitates(user, e, p)) {
                throw ApiException.forbidden("only the edition's facilitators do this", "ask " + e.facilitators().get(0).name());
            }
            return new Facilitated(e, p);
        }));
    }

    public record Facilitated(Edition edition, Programme programme) {
    }

    static boolean facilitates(VetnetUser user, Edition e, Programme p) {
        return e.facilitatedBy(user.id()) || Programmes.mayCoordinate(user, p) || user.hasRole(Role.ADMIN);
    }

    private CompletionStage<Edition> edition(VetnetUser user, String editionId) {
        return store.byId(editionId).thenApply(found -> found.orElseThrow(() -> ApiException.notFound("no edition " + editionId)));
    }

    private CompletionStage<EditionView> view(VetnetUser user, Edition e, Programme p) {
        return store.seatsTaken(e.id()).thenCombine(store.enrolment(e.id(), user.id()),
                (taken, mine) -> new EditionView(e, p.title(), taken, mine.orElse(null), facilitates(user, e, p)));
    }

    private CompletionStage<Enrolment> seat(Edition e, Enrolment asked) {
        return seats.take(e.id(), e.capacity()).thenCompose(got ->
                store.saveEnrolment(asked.with(got ? Enrolment.Status.ENROLLED : Enrolment.Status.WAITING, clock.instant())));
    }

    /** Gives free seats to those waiting longest, while there are both. */
    private CompletionStage<Void> promote(Edition e) {
        return store.enrolments(e.id()).thenCompose(all -> {
            Optional<Enrolment> first = all.stream().filter(x -> x.status() == Enrolment.Status.WAITING).min(Comparator.comparing(Enrolment::at));
            if (first.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            return seats.take(e.id(), e.capacity()).thenCompose(got -> got
                    ? store.saveEnrolment(first.get().with(Enrolment.Status.ENROLLED, clock.instant())).thenCompose(x -> promote(e))
                    : CompletableFuture.completedFuture(null));
        });
    }
}
