package eu.vetnet.crdt.types;

import eu.vetnet.crdt.CrdtException;
import eu.vetnet.crdt.Subscription;
import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.struct.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What every shared type has: a list of items (for arrays, text, XML children), a map of items (for map
 * entries and attributes), the item that holds it (null for a root), and its observers.
 */
public abstract class YType {

    Item item;
    YDoc doc;
    Item start;
    Map<String, Item> map = new LinkedHashMap<>();
    int length;
    /** Cached positions in the list, or null where Yjs keeps none (XML, and text once it has formatting). */
    List<SearchMarker> searchMarkers;
    private String rootName;
    private final List<Consumer<YEvent>> observers = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<List<YEvent>, Transaction>> deepObservers = new CopyOnWriteArrayList<>();

    // ---- structure (used by the engine) ----------------------------------------------------------------

    public Item item() {
        return item;
    }

    public YDoc doc() {
        return doc;
    }

    public Item start() {
        return start;
    }

    public void setStart(Item start) {
        this.start = start;
    }

    /** Map keys to the newest item of each key (the end of that key's history chain). */
    public Map<String, Item> itemMap() {
        return map;
    }

    public void addLength(int delta) {
        length += delta;
    }

    /** The parent type, or null for a root. */
    public YType parent() {
        return item == null ? null : item.parent();
    }

    /** The name of this root type in its document. */
    public String rootName() {
        if (rootName == null) {
            throw new IllegalStateException("not a root type");
        }
        return rootName;
    }

    public void integrateAsRoot(YDoc doc, String name) {
        this.rootName = name;
        integrate(doc, null);
    }

    /** Called when the type becomes part of a document, as a root or inside {@code item}. */
    public void integrate(YDoc doc, Item item) {
        this.doc = doc;
        this.item = item;
    }

    /** Moves the content of an untyped root (created by the decoder) into this newly typed one. */
    public void takeOver(YType untyped) {
        this.map = untyped.map;
        for (Item n : map.values()) {
            for (; n != null; n = n.left()) {
                n.setParent(this);
            }
        }
        this.start = untyped.start;
        for (Item n = start; n != null; n = n.right()) {
            n.setParent(this);
        }
        this.length = untyped.length;
    }

    /** A new empty type of the same kind (and node name), as Yjs's {@code _copy}. */
    public abstract YType emptyCopy();

    public abstract void writeTypeRef(UpdateEncoder encoder);

    /** The content as JSON-like values. */
    public abstract Object toJson();

    /** The first item that is not deleted. */
    Item first() {
        Item n = start;
        while (n != null && n.isDeleted()) {
            n = n.right();
        }
        return n;
    }

    void requireDoc() {
        if (doc == null) {
            throw new CrdtException("add this type to a document before reading or writing it");
        }
    }

    /** Keeps search markers valid when {@code right} is merged into {@code left}. */
    public void onItemMerged(Item left, Item right) {
        if (searchMarkers != null) {
            for (SearchMarker m : searchMarkers) {
                if (m.p == right) {
                    m.p = left;
                    if (!left.isDeleted() && left.countable()) {
                        m.index -= left.length();
                    }
                }
            }
        }
    }

    /** Forgets cached list positions (after changes that may have moved them, like an undo). */
    public void clearSearchMarkers() {
        if (searchMarkers != null) {
            searchMarkers.clear();
        }
    }

    /** Formatting in a list disables search markers for good, as in Yjs. */
    public void onFormatIntegrated() {
        searchMarkers = null;
    }

    // ---- events ----------------------------------------------------------------------------------------

    public Subscription observe(Consumer<YEvent> observer) {
        observers.add(observer);
        return () -> observers.remove(observer);
    }

    /** Observes this type and everything nested in it; receives the events of one transaction together. */
    public Subscription observeDeep(BiConsumer<List<YEvent>, Transaction> observer) {
        deepObservers.add(observer);
        return () -> deepObservers.remove(observer);
    }

    public boolean hasDeepObservers() {
        return !deepObservers.isEmpty();
    }

    public void callDeepObservers(List<YEvent> events, Transaction transaction) {
        for (BiConsumer<List<YEvent>, Transaction> o : deepObservers) {
            o.accept(events, transaction);
        }
    }

    /** Creates this type's event for a transaction and hands it to observers (the engine calls this). */
    public void callObserver(Transaction transaction, Set<String> parentSubs) {
        if (!transaction.local() && searchMarkers != null) {
            searchMarkers.clear();
        }
    }

    /**
     * Whether anyone can see an event of this type: its observers, a deep observer on it or an ancestor, or
     * an afterTransaction listener (such as an UndoManager, which reads the changed parent types). When not,
     * no event is built: a keystroke in an unobserved document costs no allocations for events.
     */
    boolean wantsEvent() {
        if (!observers.isEmpty() || doc.hasAfterTransactionListeners()) {
            return true;
        }
        for (YType type = this; type != null; type = type.item == null ? null : type.item.parent()) {
            if (!type.deepObservers.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Registers the event with every ancestor (for deep observers) and calls this type's observers. */
    void emit(Transaction transaction, YEvent event) {
        YType type = this;
        while (true) {
            transaction.changedParentTypes().computeIfAbsent(type, t -> new ArrayList<>()).add(event);
            if (type.item == null) {
                break;
            }
            type = type.item.parent();
        }
        for (Consumer<YEvent> o : observers) {
            o.accept(event);
        }
    }
}
