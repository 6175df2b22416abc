package eu.vetnet.rooms.policy;

import eu.vetnet.rooms.core.RoomLimits;
import eu.vetnet.rooms.room.RoomKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;

/**
 * One adversarial case: a fresh room server and room, one document, the cast joining it; a few honest edits through
 * the server; then one to five updates from the generator, each sent by one person and judged by what the server did
 * with it; then an honest edit by someone else, which must still be applied and broadcast. Every applied update goes
 * to the rules oracle (on the document before and after), to the client-id rule, and to yjs (the same document after
 * the same accepted updates). Everything random comes from {@code new SplittableRandom(mix(seed, index))}.
 */
final class AdversarialCase {

    /** Test limits: a small document quota so updates near it are cheap; no socket or sync-rate cap gets in the way. */
    static final RoomLimits LIMITS = RoomLimits.defaults().withDocumentQuotaBytes(64 * 1024)
            .withUnloadGrace(Duration.ofMillis(1)).withMaxSocketsPerUser(10_000).withSyncRequestsPerSecond(10_000);

    /** What happened to each update, for the coverage report: mechanism tags and the server's answer. */
    record Sent(List<String> tags, RulesOracle.Role role, String document, Person.Result result) {
    }

    private final long seed;
    private final int index;
    private final YjsMirror yjs;
    private final SplittableRandom rng;
    final List<Finding> findings = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    private PolicyRoom server;
    private String roomId;
    private String document;
    private RoomKind kind;
    private String mirrorId;
    private boolean mirrorBroken;
    private boolean roundtripBroken;
    /** Each applied update with the document's state and state vector before it, for {@link Diagnosis}. */
    private final List<Object[]> applied = new ArrayList<>();
    private final Set<String> features = new java.util.LinkedHashSet<>();
    private int diagnosed;
    private boolean pendingSeen;
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, Boolean> mustRejoin = new LinkedHashMap<>();
    /** Who first wrote new clocks under each client id (docs/rooms.md, "Client ids"), from what was applied. */
    private final Map<Long, String> owners = new LinkedHashMap<>();
    /**
     * Some applied content waits pending (itself a finding: nothing is ever held pending): whoever's update releases it,
     * the change is no longer theirs alone, so the rules are not judged on later updates of the case.
     */
    private boolean tainted;
    private PolicyRoom.DocState current;
    private AdversarialUpdates generator;
    private Watcher watcher;
    private int step;
    /** Replaying one case: every step is printed, with its update and the document after it. */
    boolean trace;

    AdversarialCase(long seed, int index, YjsMirror yjs) {
        this.seed = seed;
        this.index = index;
        this.yjs = yjs;
        this.rng = new SplittableRandom(mix(seed, index));
    }

    static long mix(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    String document() {
        return document;
    }

    void run() {
        document = Cast.DOCUMENTS.get(rng.nextInt(Cast.DOCUMENTS.size()));
        int k = rng.nextInt(10);
        kind = k < 7 ? RoomKind.WORKSHOP : k < 9 ? RoomKind.DIALOGUE_SESSION : RoomKind.COURSE_SESSION;
        roomId = "adv-" + index;
        mirrorId = seed + "/" + index;
        generator = new AdversarialUpdates(rng, document, Cast.USERS, LIMITS.documentQuotaBytes(), LIMITS.maxMessageBytes());
        ServerErrors.drain(); // what the previous case's teardown logged is not this case's
        try (PolicyRoom s = new PolicyRoom(LIMITS)) {
            server = s;
            s.create(roomId, kind, Cast.access(), List.of("board", "notes", "workshop", "ideas", Cast.READ_ONLY), List.of(Cast.READ_ONLY));
            if (yjs != null) {
                yjs.newDoc(mirrorId);
            }
            watcher = new Watcher(s, roomId, document, "oscar");
            current = s.state(roomId, document);
            setup();
            if (!"workshop".equals(document) && rng.nextInt(2) == 0) {
                workshopByServer(d -> Intents.phaseRules(d.getMap("workshop"), rng));
            }
            int attacks = 1 + rng.nextInt(5);
            for (int a = 0; a < attacks; a++) {
                if (rng.nextInt(8) == 0) {
                    reload();
                }
                attack();
            }
            liveness(watcher);
            people.values().forEach(Person::leave);
            watcher.leave();
        } catch (PolicyRoom.Stalled e) {
            if (e.getMessage() != null) {
                found(new Finding("stall", e.getMessage() + "; the room's lane:\n" + server.laneStacks(), List.of(), null,
                        null, document, null, step));
            }
        } catch (RuntimeException e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            found(new Finding("exception", trace.toString(), List.of(), null, null, document, null, step));
        } finally {
            if (yjs != null) {
                try {
                    yjs.closeDoc(mirrorId);
                } catch (RuntimeException ignored) {
                    // the mirror's own failure was reported where it happened
                }
            }
        }
    }

    /**
     * Everyone leaves, the room is stored and unloaded, and everyone comes back: the loaded document must be what was
     * stored, and client ids must still belong to whoever wrote them (docs/rooms.md: ownership is stored with the
     * history and restored on load).
     */
    private void reload() {
        step++;
        people.values().forEach(Person::leave);
        people.keySet().forEach(u -> mustRejoin.put(u, true));
        watcher.leave();
        if (!server.awaitUnloaded(roomId)) {
            throw new PolicyRoom.Stalled("the room did not unload within " + PolicyRoom.WAIT + " after everyone left");
        }
        List<byte[]> stored = server.storage.updatesOf(roomId, document);
        watcher = new Watcher(server, roomId, document, "oscar");
        watcher.syncAll();
        PolicyRoom.DocState loaded = server.state(roomId, document);
        boolean same = RulesJson.parse(loaded.json()).equals(RulesJson.parse(current.json()))
                && loaded.stateVector().equals(current.stateVector());
        if (!same) {
            String yjsLoaded = "(no yjs)";
            if (yjs != null && !mirrorBroken) {
                // What yjs makes of the same stored state and log: the same as the server, or not.
                String id = mirrorId + "/reload-" + step;
                yjs.newDoc(id);
                YjsMirror.State ys = null;
                for (byte[] u : stored) {
                    ys = yjs.apply(id, u);
                }
                yjs.closeDoc(id);
                yjsLoaded = ys == null ? "{}" : ys.json().toString();
                if (ys != null && !ys.json().equals(RulesJson.parse(loaded.json()))) {
                    found(new Finding("reload-divergence", "yjs loads the stored state and log differently from the server:"
                            + "\n  yjs    " + yjsLoaded + "\n  server " + loaded.json(), List.of("reload"), null, null, document, null, step));
                }
                // From here on the mirror follows the document as loaded.
                yjs.closeDoc(mirrorId);
                yjs.newDoc(mirrorId);
                yjs.apply(mirrorId, loaded.update());
            }
            found(new Finding("reload", "the document loaded from what was stored differs from the one before unload ("
                    + RulesJson.difference(RulesJson.parse(current.json()), RulesJson.parse(loaded.json())) + "):\n  before "
                    + current.json() + "\n  loaded " + loaded.json() + "\n  yjs loading the same stored updates: " + yjsLoaded,
                    List.of("reload"), null, null, document, null, step));
        }
        if (same && loaded.pending() != current.pending() && yjs != null && !mirrorBroken) {
            // Pending content (itself a finding when it appeared) is not stored: the mirror follows what was loaded.
            yjs.closeDoc(mirrorId);
            yjs.newDoc(mirrorId);
            yjs.apply(mirrorId, loaded.update());
        }
        current = loaded;
        for (String error : ServerErrors.drain()) {
            found(new Finding("server-exception", error, List.of("reload"), null, null, document, null, step));
        }
        if (trace) {
            System.out.printf("step %d: everyone left, the room unloaded and loaded again: %s%n", step, loaded.json());
        }
    }

    private Person person(String user) {
        Person p = people.computeIfAbsent(user, u -> new Person(server, roomId, document, u, Cast.token(u),
                () -> 1 + rng.nextInt(Integer.MAX_VALUE - 1)));
        if (mustRejoin.getOrDefault(user, true)) {
            p.join();
            mustRejoin.put(user, false);
        }
        return p;
    }

    /** A few honest edits (who makes them depends on the document), as the room looks after a while. */
    private void setup() {
        List<String[]> plan = switch (document) {
            case "board" -> List.of(new String[] {"fabio", "board-create-own"}, new String[] {"alice", "board-create-own"},
                    new String[] {"bob", "board-create-own"}, new String[] {"alice", "board-vote-own"},
                    new String[] {"bob", "board-vote-own"}, new String[] {"alice", "board-edit-own-text"},
                    new String[] {"carla", "board-vote-own"});
            case "workshop" -> List.of(new String[] {"fabio", "workshop-phase"}, new String[] {"fabio", "workshop-timer"},
                    new String[] {"olga", "workshop-agenda"}, new String[] {"fabio", "workshop-open-poll"},
                    new String[] {"adam", "workshop-open-poll"}, new String[] {"alice", "workshop-ask"},
                    new String[] {"bob", "workshop-ask"}, new String[] {"bob", "workshop-poll-vote-own"},
                    new String[] {"alice", "workshop-upvote-own"}, new String[] {"carla", "workshop-poll-vote-own"},
                    new String[] {"fabio", "workshop-strict-statements"},
                    new String[] {"fabio", "workshop-phase-rules"}); // last: the phase and moderation hold for the attacks
            case "notes" -> List.of(new String[] {"fabio", "notes-paragraph"}, new String[] {"alice", "notes-paragraph"},
                    new String[] {"bob", "notes-paragraph"}, new String[] {"bob", "notes-edit"},
                    new String[] {"alice", "notes-attribute"});
            default -> List.of(new String[] {"fabio", "free-map"}, new String[] {"alice", "free-text"},
                    new String[] {"bob", "free-array"}, new String[] {"olga", "free-map"});
        };
        for (String[] s : plan) {
            if (rng.nextInt(5) == 0) {
                continue;
            }
            Person p = person(s[0]);
            byte[] u = generator.edit(s[1], p.user, p.clientId, current.update());
            if (u != null) {
                Person.Outcome o = send(p, u, false, List.of("setup", s[1]));
                RulesOracle.Role role = Cast.role(p.user, kind, document);
                if (role != RulesOracle.Role.OBSERVER && !o.applied()) {
                    found(new Finding("honest-refused", o.result() + " " + o.detail(), List.of("setup", s[1]), p.user, role,
                            document, u, step));
                }
            }
        }
    }

    private void attack() {
        String user = Cast.ATTACKERS.get(rng.nextInt(Cast.ATTACKERS.size()));
        Person p = person(user);
        RulesOracle.Role role = Cast.role(user, kind, document);
        if (role != RulesOracle.Role.OBSERVER && rng.nextInt(5) < 2) {
            // An allowed edit first: the client's newest struct then sits where this person may write.
            send(p, generator.allowedEdit(p.user, p.clientId, current.update()), false, List.of("pre-step"));
        }
        AdversarialUpdates.Attack a = generator.next(user, p.clientId, current.update(), current.stateVector(), owners);
        send(p, a.update(), a.asStep2(), a.tags());
    }

    /** A change of the room's workshop document made by the server's own engine (not the document this case attacks). */
    private void workshopByServer(java.util.function.Consumer<eu.vetnet.crdt.YDoc> change) {
        try {
            server.server.openRoom(roomId).serverEdit(List.of("workshop"), docs -> {
                change.accept(docs.get("workshop"));
                return null;
            }).get(PolicyRoom.WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the server could not set the workshop's phase", e);
        }
    }

    /** Someone who did not attack makes an allowed edit: it must be applied and reach the watcher. */
    private void liveness(Watcher watcher) {
        // Any phase rules set for the attacks are lifted first: the honest edit may be one the phase does not allow.
        if ("workshop".equals(document)) {
            mustRejoin.put("fabio", true); // attacks may have closed the facilitator's socket
            byte[] open = generator.edit("workshop-open-phase", "fabio", person("fabio").clientId, current.update());
            if (open != null) {
                send(person("fabio"), open, false, List.of("open-phase"));
            }
        } else {
            workshopByServer(d -> d.getMap("workshop").delete("phaseRules"));
        }
        String user = Cast.READ_ONLY.equals(document) ? "fiona" : "carla";
        mustRejoin.put(user, true);
        Person p = person(user);
        int frames = watcher.frames();
        byte[] u = generator.allowedEdit(user, p.clientId, current.update());
        Person.Outcome o = send(p, u, false, List.of("liveness"));
        if (!o.applied()) {
            boolean full = o.result() == Person.Result.REJECTED && o.detail() != null && o.detail().contains("quota");
            if (!full) {
                found(new Finding("stalled-room", "an honest edit after the attacks was not applied: " + o.result() + " "
                        + o.detail(), List.of("liveness"), user, Cast.role(user, kind, document), document, u, step));
            }
            return;
        }
        if (!watcher.awaitFrameAfter(frames, PolicyRoom.WAIT)) {
            found(new Finding("stalled-room", "the honest edit was applied but not broadcast (watcher closed: "
                    + watcher.closeCode() + ")", List.of("liveness"), user, null, document, u, step));
            return;
        }
        String seen = RulesJson.render(watcher.replica());
        if (!RulesJson.parse(seen).equals(RulesJson.parse(current.json()))) {
            found(new Finding("broadcast-divergence", "what the watcher received differs from the server's document ("
                    + RulesJson.difference(RulesJson.parse(seen), RulesJson.parse(current.json())) + "):\n  watcher "
                    + seen + "\n  server  " + current.json(), List.of("liveness"), user, null, document, null, step));
        }
        if (yjs != null && !mirrorBroken) {
            YjsMirror.State ys = yjs.state(mirrorId);
            compare(ys, current, List.of("final"), user, null, null);
        }
    }

    /** Sends one update and judges what the server did with it. */
    private Person.Outcome send(Person p, byte[] update, boolean asStep2, List<String> tags) {
        step++;
        RulesOracle.Role role = Cast.role(p.user, kind, document);
        PolicyRoom.DocState before = current;
        // The phase the update meets (docs/rooms.md, "Phases"); the workshop document's own lives in `before`.
        String phase = "workshop".equals(document) ? before.json() : server.state(roomId, "workshop").json();
        Person.Outcome o = p.send(update, asStep2);
        if (o.result() == Person.Result.STALLED) {
            found(new Finding("stall", "no answer to the update within " + PolicyRoom.WAIT + "; the room's lane:\n"
                    + server.laneStacks(), tags, p.user, role, document, update, step));
            for (String error : ServerErrors.drain()) {
                found(new Finding("server-exception", error, tags, p.user, role, document, update, step));
            }
            throw new PolicyRoom.Stalled(null);
        }
        PolicyRoom.DocState after = server.state(roomId, document);
        current = after;
        for (String error : ServerErrors.drain()) {
            found(new Finding("server-exception", error, tags, p.user, role, document, update, step));
        }
        sent.add(new Sent(tags, role, document, o.result()));
        if (trace) {
            System.out.printf("step %d: %s (%s, client %d) sends %s%s: %s %s%n  update %s%n  after  %s%n", step, p.user, role,
                    p.clientId, String.join(" + ", tags), asStep2 ? " as step 2" : "", o.result(), o.detail() == null ? "" : o.detail(),
                    java.util.Base64.getEncoder().encodeToString(update), after.json());
        }
        if (!o.applied()) {
            if (!before.json().equals(after.json()) || !before.stateVector().equals(after.stateVector())) {
                found(new Finding("refused-but-changed", o.result() + " " + o.detail() + " yet the document changed:\n  before "
                        + before.json() + "\n  after  " + after.json(), tags, p.user, role, document, update, step));
            }
            if (o.result() == Person.Result.CLOSED && o.detail() != null
                    && (o.detail().startsWith("1011") || o.detail().contains("could not be inspected"))) {
                found(new Finding("server-exception", o.detail(), tags, p.user, role, document, update, step));
            }
            if (o.result() != Person.Result.READ_ONLY && rng.nextInt(5) > 0) {
                mustRejoin.put(p.user, true); // the rejection contract: a fresh copy and a fresh client id
            }
            if (o.result() == Person.Result.CLOSED || o.result() == Person.Result.NOT_JOINED) {
                mustRejoin.put(p.user, true);
            }
            return o;
        }
        applied.add(new Object[] {update, before.update(), before.stateVector()});
        if (yjs != null && !mirrorBroken) {
            try {
                compare(yjs.apply(mirrorId, update), after, tags, p.user, role, update);
            } catch (YjsMirror.YjsError e) {
                mirrorBroken = true;
                found(new Finding("yjs-threw", "yjs could not apply an update the server applied: " + e.getMessage(), tags,
                        p.user, role, document, update, step));
            }
        }
        judge(p, role, before, after, update, tags, RulesJson.parse(phase));
        for (Map.Entry<Long, Long> e : after.stateVector().entrySet()) {
            if (e.getValue() > before.stateVector().getOrDefault(e.getKey(), 0L)) {
                owners.putIfAbsent(e.getKey(), p.user);
            }
        }
        if (after.pending()) {
            tainted = true;
        }
        return o;
    }

    /**
     * Whether the engine, applying {@code update} to the document as it was, would change it: a reader's update may
     * be acknowledged only when it would not (a synced copy's answer to step 1 carries the delete set). Judged on a
     * copy by the whole encoding (structs, deletions and anything left pending), independent of how the server decides.
     */
    private static boolean changes(PolicyRoom.DocState before, byte[] update) {
        eu.vetnet.crdt.YDoc copy = new eu.vetnet.crdt.YDoc(4);
        copy.applyUpdate(before.update());
        byte[] was = copy.encodeStateAsUpdate();
        try {
            copy.applyUpdate(update);
        } catch (RuntimeException unreadable) {
            return true;
        }
        return !Arrays.equals(was, copy.encodeStateAsUpdate());
    }

    private void judge(Person p, RulesOracle.Role role, PolicyRoom.DocState before, PolicyRoom.DocState after, byte[] update,
            List<String> tags, JsonNode workshop) {
        if (role == RulesOracle.Role.OBSERVER && !Arrays.equals(update, new byte[] {0, 0}) && changes(before, update)) {
            found(new Finding("rule", "a read-only connection's update was applied", tags, p.user, role, document, update, step));
        }
        if (after.update().length > LIMITS.documentQuotaBytes()) {
            found(new Finding("quota", "the document grew to " + after.update().length + " bytes, over its quota of "
                    + LIMITS.documentQuotaBytes(), tags, p.user, role, document, update, step));
        }
        // The document must load again from its own encoding as it is (what a joining client and a stored snapshot get).
        eu.vetnet.crdt.YDoc reloaded = new eu.vetnet.crdt.YDoc(3);
        reloaded.applyUpdate(after.update());
        String again = RulesJson.render(reloaded);
        if (!RulesJson.parse(again).equals(RulesJson.parse(after.json()))) {
            found(new Finding("roundtrip", "after this update the document's own encoding loads as another document ("
                    + RulesJson.difference(RulesJson.parse(after.json()), RulesJson.parse(again)) + "):\n  doc     "
                    + after.json() + "\n  encoded " + again, tags, p.user, role, document, update, step));
        }
        for (String v : ShapeOracle.judge(update, before.stateVector(), owners, p.user)) {
            found(new Finding("shape", v, tags, p.user, role, document, update, step));
        }
        if (after.pending() && !before.pending()) {
            found(new Finding("pending", "an applied update left content waiting in the server's document (it would be "
                    + "applied later, unchecked)", tags, p.user, role, document, update, step));
        }
        if (tainted) {
            return; // content pending before this update may have been released by it: not this person's change alone
        }
        JsonNode b = RulesJson.parse(before.json());
        JsonNode a = RulesJson.parse(after.json());
        for (String v : RulesOracle.judge(document, role, p.user, b, a, workshop)) {
            found(new Finding("rule", v, tags, p.user, role, document, update, step));
        }
        for (Map.Entry<Long, Long> e : after.stateVector().entrySet()) {
            String owner = owners.get(e.getKey());
            if (e.getValue() > before.stateVector().getOrDefault(e.getKey(), 0L) && owner != null && !owner.equals(p.user)) {
                found(new Finding("client-id", p.user + " added clocks " + before.stateVector().getOrDefault(e.getKey(), 0L)
                        + ".." + e.getValue() + " under client " + e.getKey() + " of " + owner, tags, p.user, role, document, update, step));
            }
        }
    }

    /**
     * Records a finding, unless it only follows from one already recorded in this case: once the document no longer
     * loads from its own encoding, every later comparison of copies differs for that reason; once the engines diverged
     * or content went pending, later comparisons with yjs say the same again. The first one is what the report needs.
     */
    private void found(Finding finding) {
        Finding f = finding.with(features());
        boolean copies = Set.of("divergence", "broadcast-divergence", "reload", "reload-divergence", "roundtrip").contains(f.kind());
        if (copies && roundtripBroken) {
            return;
        }
        if (f.kind().equals("divergence") && f.detail().startsWith("pending differs") && pendingSeen) {
            return;
        }
        roundtripBroken |= f.kind().equals("roundtrip") || f.kind().equals("reload");
        pendingSeen |= f.kind().equals("pending");
        if (f.kind().equals("divergence")) {
            mirrorBroken = true; // later comparisons with yjs would report the same divergence again
        }
        findings.add(f);
    }

    /** The features of every update applied so far (diagnosed once each, when a finding first needs them). */
    private Set<String> features() {
        for (; diagnosed < applied.size(); diagnosed++) {
            Object[] a = applied.get(diagnosed);
            @SuppressWarnings("unchecked")
            Map<Long, Long> sv = (Map<Long, Long>) a[2];
            features.addAll(Diagnosis.of((byte[]) a[0], (byte[]) a[1], sv));
        }
        return Set.copyOf(features);
    }

    private void compare(YjsMirror.State ys, PolicyRoom.DocState server, List<String> tags, String user, RulesOracle.Role role,
            byte[] update) {
        JsonNode ours = RulesJson.parse(server.json());
        if (!ys.json().equals(ours)) {
            found(new Finding("divergence", "yjs and the server's engine hold different documents ("
                    + RulesJson.difference(ys.json(), ours) + "):\n  yjs    " + ys.json() + "\n  server " + server.json(), tags, user,
                    role, document, update, step));
        }
        if (!ys.stateVector().equals(server.stateVector())) {
            found(new Finding("divergence", "state vectors differ: yjs " + ys.stateVector() + ", server "
                    + server.stateVector(), tags, user, role, document, update, step));
        }
        if (ys.pending() != server.pending()) {
            found(new Finding("divergence", "pending differs: yjs " + ys.pending() + ", server " + server.pending(), tags, user,
                    role, document, update, step));
        }
    }
}
