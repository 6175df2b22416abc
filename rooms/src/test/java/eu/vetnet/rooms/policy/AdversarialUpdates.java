package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.Updates;
import eu.vetnet.crdt.YDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The generator: an update a person could send, built from an edit made on a replica of the server's document (an
 * allowed one or a forbidden one) and then, most of the time, changed at the struct level by one to three
 * {@link Mutations} (foreign and forged client ids, overlapping clocks, a client in two groups, Skip and GC structs,
 * deletions of clocks nobody has, gaps, parents and neighbours of the attacker's choice, deep nesting), sometimes
 * merged with a forged update under someone else's client id, padded to the document's quota or the frame cap, sent
 * in the v2 format or with a flipped bit. Everything comes from the case's random stream, so a case replays alone.
 */
final class AdversarialUpdates {

    /** One update to send, who sends it, and how it was made (the mechanism, for the report). */
    record Attack(byte[] update, boolean asStep2, List<String> tags) {
    }

    private final SplittableRandom rng;
    private final String document;
    private final List<String> users;
    private final long quota;
    private final int maxMessageBytes;

    AdversarialUpdates(SplittableRandom rng, String document, List<String> users, long quota, int maxMessageBytes) {
        this.rng = rng;
        this.document = document;
        this.users = users;
        this.quota = quota;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The client id replicas edit under; no person or mutation uses it (ids there are below 2^31 or random). */
    static final long SCRATCH_CLIENT = 4_294_000_001L;

    /**
     * A replica of {@code state}, as the app's document after a sync. It edits under {@link #SCRATCH_CLIENT}:
     * a replica under a client id the state already has clocks of would be moved by the engine (as by Yjs) to a random
     * new id, and the case would no longer replay. {@link #edit(byte[], long, Intents.Edit, Intents.Who)} moves the
     * edit to the person's client id afterwards.
     */
    static YDoc replica(byte[] state) {
        YDoc d = new YDoc(SCRATCH_CLIENT);
        d.applyUpdate(state);
        return d;
    }

    /** The update {@code edit} makes on a replica of {@code state}, written as {@code clientId} would, or null. */
    static byte[] edit(byte[] state, long clientId, Intents.Edit edit, Intents.Who who) {
        YDoc d = replica(state);
        byte[] u = Intents.run(d, edit, who);
        return u == null ? null : asClient(u, clientId, d.store().getState(clientId));
    }

    /** The scratch client's group and deletions of {@code update} moved to {@code clientId}, from clock {@code base}. */
    static byte[] asClient(byte[] update, long clientId, long base) {
        Wire w = Wire.decode(update);
        for (Wire.Group g : w.groups) {
            if (g.client == SCRATCH_CLIENT) {
                Mutations.rebase(g, clientId, base + g.clock);
            }
        }
        for (int i = 0; i < w.deletes.size(); i++) {
            Wire.Deletes d = w.deletes.get(i);
            if (d.client() == SCRATCH_CLIENT) {
                List<long[]> moved = new ArrayList<>();
                d.ranges().forEach(r -> moved.add(new long[] {r[0] + base, r[1]}));
                w.deletes.set(i, new Wire.Deletes(clientId, moved));
            }
        }
        return w.encode();
    }

    /** An edit the rules allow a participant (the honest edits of a case's setup and its liveness check). */
    byte[] allowedEdit(String me, long clientId, byte[] state) {
        List<Intents.Intent> intents = Intents.forDocument(document, true);
        for (int attempt = 0; attempt < 8; attempt++) {
            Intents.Intent i = intents.get(attempt == 0 ? 0 : rng.nextInt(intents.size()));
            byte[] u = edit(state, clientId, i.edit(), who(me));
            if (u != null) {
                return u;
            }
        }
        throw new IllegalStateException("no allowed edit of " + document + " changes anything");
    }

    /** An edit of the named intent, or null when it changes nothing in this document. */
    byte[] edit(String intent, String me, long clientId, byte[] state) {
        for (Intents.Intent i : Intents.forDocument(document, false)) {
            if (i.name().equals(intent)) {
                return edit(state, clientId, i.edit(), who(me));
            }
        }
        throw new IllegalArgumentException(intent);
    }

    private Intents.Who who(String me) {
        return new Intents.Who(me, users.stream().filter(u -> !u.equals(me)).toList(), rng);
    }

    /** The next attack of {@code me}, writing as {@code clientId}, on the document whose state is {@code state}. */
    Attack next(String me, long clientId, byte[] state, Map<Long, Long> stateVector, Map<Long, String> owners) {
        List<String> tags = new ArrayList<>();
        YDoc replica = replica(state);
        byte[] update = null;
        if (rng.nextInt(40) == 0) {
            update = nearCap(me, clientId, state, tags);
        }
        List<Intents.Intent> intents = Intents.forDocument(document, false);
        for (int attempt = 0; update == null && attempt < 10; attempt++) {
            Intents.Intent i = intents.get(rng.nextInt(intents.size()));
            update = edit(state, clientId, i.edit(), who(me));
            if (update != null) {
                tags.add(i.name());
            }
        }
        if (update == null) {
            update = new byte[] {0, 0};
            tags.add("empty");
        }
        int roll = rng.nextInt(20);
        int mutations = roll < 6 ? 0 : roll < 15 ? 1 : roll < 18 ? 2 : 3;
        if (mutations > 0) {
            Targets targets = Targets.of(replica, users);
            Mutations.Context c = new Mutations.Context(rng, targets, stateVector, owners, me, clientId, users);
            Wire w = Wire.decode(update);
            for (int m = 0; m < mutations; m++) {
                Mutations.Named named = Mutations.ALL.get(rng.nextInt(Mutations.ALL.size()));
                if (named.mutation().apply(w, c)) {
                    tags.add(named.tag());
                }
            }
            update = w.encode();
        }
        if (rng.nextInt(12) == 0) {
            byte[] forged = forgedUnderSomeoneElse(me, state, owners);
            if (forged != null) {
                try {
                    update = Updates.mergeUpdates(List.of(update, forged));
                    tags.add("merge-foreign");
                } catch (RuntimeException e) {
                    // a mutation made something the merge refuses to read: send the update unmerged
                }
            }
        }
        if (rng.nextInt(60) == 0) {
            try {
                update = Updates.convertV1ToV2(update);
                tags.add("v2");
            } catch (RuntimeException e) {
                // a mutation made something the converter cannot read: send it as it is
            }
        }
        if (rng.nextInt(50) == 0 && update.length > 2) {
            update = update.clone();
            int at = rng.nextInt(update.length);
            update[at] ^= (byte) (1 << rng.nextInt(8));
            tags.add("bitflip");
        }
        return new Attack(update, rng.nextInt(4) == 0, tags);
    }

    /** A forbidden edit made on a replica under another person's client id (as a modified client would). */
    private byte[] forgedUnderSomeoneElse(String me, byte[] state, Map<Long, String> owners) {
        List<Long> others = owners.entrySet().stream().filter(e -> !e.getValue().equals(me)).map(Map.Entry::getKey).toList();
        if (others.isEmpty()) {
            return null;
        }
        long victim = others.get(rng.nextInt(others.size()));
        List<Intents.Intent> intents = Intents.forDocument(document, false);
        return edit(state, victim, intents.get(rng.nextInt(intents.size())).edit(), who(me));
    }

    /**
     * An own text of a size that takes the document to its quota, just under or just over; rarely one the size of the
     * frame cap.
     */
    private byte[] nearCap(String me, long clientId, byte[] state, List<String> tags) {
        boolean frame = rng.nextInt(20) == 0;
        long target = frame ? maxMessageBytes : quota - state.length;
        long length = target - 80 + rng.nextInt(-48, 49);
        if (length < 1 || length > maxMessageBytes + 64L) {
            return null;
        }
        String text = "a".repeat((int) length);
        Intents.Edit edit = switch (document) {
            case "board" -> (doc, w) -> {
                var o = Intents.object(me, rng);
                o.set("text", text);
                doc.getMap("objects").set("big" + Long.toHexString(rng.nextLong()), o);
            };
            case "workshop" -> (doc, w) -> {
                var q = Intents.question(me, rng);
                q.set("text", text);
                doc.getMap("questions").set("big" + Long.toHexString(rng.nextLong()), q);
            };
            case "notes" -> (doc, w) -> {
                var p = new eu.vetnet.crdt.types.YXmlElement("paragraph");
                doc.getXmlFragment("default").push(List.of(p));
                var t = new eu.vetnet.crdt.types.YXmlText();
                p.insert(0, List.of(t));
                t.insert(0, text);
            };
            default -> (doc, w) -> doc.getText("text").insert(0, text);
        };
        byte[] u = edit(state, clientId, edit, who(me));
        if (u != null) {
            tags.add(frame ? "size-frame" : "size-quota");
        }
        return u;
    }
}
