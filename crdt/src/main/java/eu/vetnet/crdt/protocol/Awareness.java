package eu.vetnet.crdt.protocol;

import eu.vetnet.crdt.Subscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * The awareness states of one document's peers (cursors, names, selections), with y-protocols' rules:
 * a newer clock wins, a null state removes a client, and states not renewed within {@link #OUTDATED_MS}
 * are dropped. The server keeps no state of its own here; it relays and remembers its clients'.
 */
public final class Awareness {

    public static final long OUTDATED_MS = 30_000;

    /** Which clients a change added, updated and removed. */
    public record Change(List<Long> added, List<Long> updated, List<Long> removed) {
        public boolean isEmpty() {
            return added.isEmpty() && updated.isEmpty() && removed.isEmpty();
        }

        /** Every client this change names, for re-broadcasting it. */
        public List<Long> all() {
            List<Long> out = new ArrayList<>(added);
            out.addAll(updated);
            out.addAll(removed);
            return out;
        }
    }

    private record Meta(long clock, long lastUpdated) {
    }

    private final Map<Long, Object> states = new LinkedHashMap<>();
    private final Map<Long, Meta> meta = new LinkedHashMap<>();
    private final LongSupplier clock;
    private final List<BiConsumer<Change, Object>> listeners = new CopyOnWriteArrayList<>();

    public Awareness() {
        this(System::currentTimeMillis);
    }

    public Awareness(LongSupplier clockMillis) {
        this.clock = clockMillis;
    }

    public Map<Long, Object> states() {
        return Collections.unmodifiableMap(states);
    }

    public long clockOf(long clientId) {
        Meta m = meta.get(clientId);
        return m == null ? 0 : m.clock();
    }

    /** Receives every change with its origin (the connection it came from, or "timeout"). */
    public Subscription onUpdate(BiConsumer<Change, Object> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public Change apply(AwarenessUpdate update, Object origin) {
        long now = clock.getAsLong();
        List<Long> added = new ArrayList<>();
        List<Long> updated = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        for (AwarenessUpdate.Entry e : update.entries()) {
            long client = e.clientId();
            Meta m = meta.get(client);
            long currClock = m == null ? 0 : m.clock();
            Object state = e.state();
            if (currClock < e.clock() || (currClock == e.clock() && state == null && states.containsKey(client))) {
                if (state == null) {
                    states.remove(client);
                } else {
                    states.put(client, state);
                }
                meta.put(client, new Meta(e.clock(), now));
                if (m == null && state != null) {
                    added.add(client);
                } else if (m != null && state == null) {
                    removed.add(client);
                } else if (state != null) {
                    updated.add(client);
                }
            }
        }
        Change change = new Change(added, updated, removed);
        if (!change.isEmpty()) {
            for (BiConsumer<Change, Object> l : listeners) {
                l.accept(change, origin);
            }
        }
        return change;
    }

    /** Removes clients (a closed connection's), announcing them with a higher clock. */
    public Change remove(List<Long> clients, Object origin) {
        List<Long> removed = new ArrayList<>();
        for (Long client : clients) {
            if (states.remove(client) != null) {
                removed.add(client);
            }
        }
        Change change = new Change(List.of(), List.of(), removed);
        if (!removed.isEmpty()) {
            for (BiConsumer<Change, Object> l : listeners) {
                l.accept(change, origin);
            }
        }
        return change;
    }

    /** Drops states not renewed for {@link #OUTDATED_MS}; call periodically. */
    public Change removeOutdated() {
        long now = clock.getAsLong();
        List<Long> outdated = new ArrayList<>();
        for (Map.Entry<Long, Meta> e : meta.entrySet()) {
            if (now - e.getValue().lastUpdated() >= OUTDATED_MS && states.containsKey(e.getKey())) {
                outdated.add(e.getKey());
            }
        }
        return remove(outdated, "timeout");
    }

    /** An update carrying the current state (or removal) of the given clients. */
    public AwarenessUpdate encode(List<Long> clients) {
        List<AwarenessUpdate.Entry> entries = new ArrayList<>(clients.size());
        for (Long client : clients) {
            Meta m = meta.get(client);
            if (m != null) {
                entries.add(new AwarenessUpdate.Entry(client, m.clock(), states.get(client)));
            }
        }
        return new AwarenessUpdate(entries);
    }

    /** An update with every known state, for a newly joined peer. */
    public AwarenessUpdate encodeAll() {
        return encode(new ArrayList<>(states.keySet()));
    }

    @Override
    public String toString() {
        return "Awareness" + Objects.toString(states);
    }
}
