package eu.vetnet.crdt.types;

import eu.vetnet.crdt.Snapshot;
import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Any;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.store.StructStore;
import eu.vetnet.crdt.struct.Content;
import eu.vetnet.crdt.struct.ContentEmbed;
import eu.vetnet.crdt.struct.ContentFormat;
import eu.vetnet.crdt.struct.ContentRefs;
import eu.vetnet.crdt.struct.ContentString;
import eu.vetnet.crdt.struct.ContentType;
import eu.vetnet.crdt.struct.GcStruct;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.store.StructList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Shared rich text: characters, embeds and formatting marks in one list. Formatting follows Yjs exactly
 * (where marks go, when they are cleaned up), since the marks are structs and must be the same on every peer.
 */
public class YText extends YType {

    private List<Consumer<YText>> pending = new ArrayList<>();
    boolean hasFormatting;

    public YText() {
        searchMarkers = new ArrayList<>();
    }

    public YText(String initial) {
        this();
        pending.add(t -> t.insert(0, initial));
    }

    @Override
    public void integrate(YDoc doc, Item item) {
        super.integrate(doc, item);
        List<Consumer<YText>> ops = pending;
        pending = null;
        if (ops != null) {
            for (Consumer<YText> op : ops) {
                op.accept(this);
            }
        }
    }

    @Override
    public YType emptyCopy() {
        return new YText();
    }

    public void markHasFormatting() {
        hasFormatting = true;
        searchMarkers = null;
    }

    @Override
    public void onFormatIntegrated() {
        markHasFormatting();
    }

    public int length() {
        requireDoc();
        return length;
    }

    // ---- reading ---------------------------------------------------------------------------------------

    @Override
    public String toString() {
        if (doc == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(length);
        for (Item n = start; n != null; n = n.right()) {
            if (!n.isDeleted() && n.content() instanceof ContentString s) {
                sb.append(s.string());
            }
        }
        return sb.toString();
    }

    @Override
    public Object toJson() {
        return toString();
    }

    /** The text as Quill-style inserts with their attributes. */
    public List<DeltaOp> toDelta() {
        return toDelta(null, null);
    }

    /**
     * The text as it was at {@code snapshot}, marking what {@code prevSnapshot} did not have as added and what
     * it had and {@code snapshot} lacks as removed (attribute {@code ychange}), as Yjs's toDelta does.
     */
    public List<DeltaOp> toDelta(Snapshot snapshot, Snapshot prevSnapshot) {
        requireDoc();
        List<DeltaOp> ops = new ArrayList<>();
        if (snapshot != null || prevSnapshot != null) {
            doc.transact(t -> {
                if (snapshot != null) {
                    snapshot.splitAffectedStructs(t);
                }
                if (prevSnapshot != null) {
                    prevSnapshot.splitAffectedStructs(t);
                }
                computeDelta(ops, snapshot, prevSnapshot);
            }, "cleanup");
        } else {
            computeDelta(ops, null, null);
        }
        return ops;
    }

    private void computeDelta(List<DeltaOp> ops, Snapshot snapshot, Snapshot prevSnapshot) {
        Map<String, Object> current = new LinkedHashMap<>();
        StringBuilder str = new StringBuilder();
        for (Item n = start; n != null; n = n.right()) {
            if (!(Snapshot.isVisible(n, snapshot) || (prevSnapshot != null && Snapshot.isVisible(n, prevSnapshot)))) {
                continue;
            }
            Content c = n.content();
            if (c instanceof ContentString s) {
                Object cur = current.get("ychange");
                if (snapshot != null && !Snapshot.isVisible(n, snapshot)) {
                    if (!isChange(cur, "removed", n)) {
                        pack(ops, str, current);
                        current.put("ychange", change("removed", n));
                    }
                } else if (prevSnapshot != null && !Snapshot.isVisible(n, prevSnapshot)) {
                    if (!isChange(cur, "added", n)) {
                        pack(ops, str, current);
                        current.put("ychange", change("added", n));
                    }
                } else if (cur != null) {
                    pack(ops, str, current);
                    current.remove("ychange");
                }
                str.append(s.string());
            } else if (c instanceof ContentType || c instanceof ContentEmbed) {
                pack(ops, str, current);
                ops.add(DeltaOp.insert(c.values().get(0), current.isEmpty() ? null : new LinkedHashMap<>(current)));
            } else if (c instanceof ContentFormat f && Snapshot.isVisible(n, snapshot)) {
                pack(ops, str, current);
                TextPosition.updateCurrentAttributes(current, f);
            }
        }
        pack(ops, str, current);
    }

    private static boolean isChange(Object cur, String type, Item n) {
        return cur instanceof Map<?, ?> m && type.equals(m.get("type")) && Long.valueOf(n.client()).equals(m.get("user"));
    }

    private static Map<String, Object> change(String type, Item n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        return m;
    }

    private static void pack(List<DeltaOp> ops, StringBuilder str, Map<String, Object> current) {
        if (str.length() > 0) {
            ops.add(DeltaOp.insert(str.toString(), current.isEmpty() ? null : new LinkedHashMap<>(current)));
            str.setLength(0);
        }
    }

    // ---- writing ---------------------------------------------------------------------------------------

    public void insert(int index, String text) {
        insert(index, text, null);
    }

    /** Inserts text; with {@code attributes} null it takes the formatting in force at {@code index}. */
    public void insert(int index, String text, Map<String, Object> attributes) {
        if (text.isEmpty()) {
            return;
        }
        if (doc == null) {
            pending.add(t -> t.insert(index, text, attributes));
            return;
        }
        doc.transact(t -> {
            TextPosition pos = findPosition(t, index, attributes == null);
            Map<String, Object> attrs;
            if (attributes == null) {
                attrs = pos.currentAttributes.isEmpty() ? Map.of() : new LinkedHashMap<>(pos.currentAttributes);
            } else {
                attrs = new LinkedHashMap<>(Any.jsOrder(attributes));
            }
            insertContent(t, pos, new ContentString(text), attrs);
        });
    }

    /** Inserts an embed (a JSON-like object) or a nested type as one unit of the text. */
    public void insertEmbed(int index, Object embed, Map<String, Object> attributes) {
        if (doc == null) {
            pending.add(t -> t.insertEmbed(index, embed, attributes));
            return;
        }
        if (!(embed instanceof YType)) {
            Any.requireValid(embed);
        }
        doc.transact(t -> {
            TextPosition pos = findPosition(t, index, attributes == null);
            Content content = embed instanceof YType type ? new ContentType(type) : new ContentEmbed(embed);
            insertContent(t, pos, content,
                    attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(Any.jsOrder(attributes)));
        });
    }

    public void delete(int index, int count) {
        if (count == 0) {
            return;
        }
        if (doc == null) {
            pending.add(t -> t.delete(index, count));
            return;
        }
        doc.transact(t -> deleteText(t, findPosition(t, index, true), count));
    }

    /** Sets attributes on a range; a null value removes that attribute. */
    public void format(int index, int count, Map<String, Object> attributes) {
        if (count == 0) {
            return;
        }
        if (doc == null) {
            pending.add(t -> t.format(index, count, attributes));
            return;
        }
        doc.transact(t -> {
            TextPosition pos = findPosition(t, index, false);
            if (pos.right == null) {
                return;
            }
            formatText(t, pos, count, new LinkedHashMap<>(Any.jsOrder(attributes)));
        });
    }

    /** Applies a Quill delta (insert / retain / delete ops) from the start of the text. */
    public void applyDelta(List<DeltaOp> delta) {
        if (doc == null) {
            pending.add(t -> t.applyDelta(delta));
            return;
        }
        doc.transact(t -> {
            TextPosition pos = new TextPosition(null, start, 0, new LinkedHashMap<>());
            for (DeltaOp op : delta) {
                Map<String, Object> attrs = op.attributes() == null ? new LinkedHashMap<>()
                        : new LinkedHashMap<>(Any.jsOrder(op.attributes()));
                if (op.insert() != null) {
                    Object ins = op.insert();
                    if (!(ins instanceof String s) || !s.isEmpty()) {
                        Content content = ins instanceof String s2 ? new ContentString(s2)
                                : ins instanceof YType type ? new ContentType(type) : new ContentEmbed(ins);
                        insertContent(t, pos, content, attrs);
                    }
                } else if (op.retain() > 0) {
                    formatText(t, pos, op.retain(), attrs);
                } else if (op.delete() > 0) {
                    deleteText(t, pos, op.delete());
                }
            }
        });
    }

    public void setAttribute(String name, Object value) {
        if (doc == null) {
            pending.add(t -> t.setAttribute(name, value));
            return;
        }
        doc.transact(t -> MapOps.set(t, this, name, value));
    }

    public void removeAttribute(String name) {
        if (doc == null) {
            pending.add(t -> t.removeAttribute(name));
            return;
        }
        doc.transact(t -> MapOps.delete(t, this, name));
    }

    public Object getAttribute(String name) {
        return MapOps.get(this, name);
    }

    public Map<String, Object> getAttributes() {
        return MapOps.getAll(this);
    }

    // ---- the algorithms, as in Yjs ----------------------------------------------------------------------

    private TextPosition findPosition(Transaction t, int index, boolean useSearchMarker) {
        Map<String, Object> current = new LinkedHashMap<>();
        SearchMarker marker = useSearchMarker ? SearchMarker.find(this, index) : null;
        if (marker != null) {
            return findNextPosition(t, new TextPosition(marker.p.left(), marker.p, marker.index, current),
                    index - marker.index);
        }
        return findNextPosition(t, new TextPosition(null, start, 0, current), index);
    }

    private static TextPosition findNextPosition(Transaction t, TextPosition pos, int count) {
        StructStore store = t.doc().store();
        while (pos.right != null && count > 0) {
            Item r = pos.right;
            if (r.content() instanceof ContentFormat f) {
                if (!r.isDeleted()) {
                    TextPosition.updateCurrentAttributes(pos.currentAttributes, f);
                }
            } else if (!r.isDeleted()) {
                if (count < r.length()) {
                    store.getItemCleanStart(t, new Id(r.client(), r.clock() + count));
                }
                pos.index += r.length();
                count -= r.length();
            }
            pos.left = pos.right;
            pos.right = pos.right.right();
        }
        return pos;
    }

    private static Object attr(Map<String, Object> attributes, String key) {
        return attributes.get(key);
    }

    private void insertContent(Transaction t, TextPosition pos, Content content, Map<String, Object> attributes) {
        if (attributes.isEmpty() && pos.currentAttributes.isEmpty()) {
            insertPlain(t, pos, content);
            return;
        }
        for (String key : pos.currentAttributes.keySet()) {
            if (!attributes.containsKey(key)) {
                attributes.put(key, null);
            }
        }
        minimizeAttributeChanges(pos, attributes);
        Map<String, Object> negated = insertAttributes(t, pos, attributes);
        Item left = pos.left;
        Item right = pos.right;
        int index = pos.index;
        if (searchMarkers != null) {
            SearchMarker.updateChanges(searchMarkers, pos.index, content.length());
        }
        right = ListOps.integrateNew(t, this, left, right, content);
        pos.right = right;
        pos.index = index;
        pos.forward();
        insertNegatedAttributes(t, pos, negated);
    }

    /**
     * The common case, typing into text without formatting: the same steps as {@link #insertContent} with
     * empty attributes (skip deleted items, insert, no marks to open or close), without building maps.
     */
    private void insertPlain(Transaction t, TextPosition pos, Content content) {
        while (pos.right != null && (pos.right.isDeleted()
                || (pos.right.content() instanceof ContentFormat f && f.value() == null))) {
            pos.forward();
        }
        if (searchMarkers != null) {
            SearchMarker.updateChanges(searchMarkers, pos.index, content.length());
        }
        int index = pos.index;
        pos.right = ListOps.integrateNew(t, this, pos.left, pos.right, content);
        pos.index = index;
        pos.forward();
        while (pos.right != null && pos.right.isDeleted()) {
            pos.forward();
        }
    }

    private static void minimizeAttributeChanges(TextPosition pos, Map<String, Object> attributes) {
        while (pos.right != null) {
            Item r = pos.right;
            if (r.isDeleted() || (r.content() instanceof ContentFormat f && Any.equalAttrs(attr(attributes, f.key()), f.value()))) {
                pos.forward();
            } else {
                break;
            }
        }
    }

    private Map<String, Object> insertAttributes(Transaction t, TextPosition pos, Map<String, Object> attributes) {
        Map<String, Object> negated = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : Any.jsOrder(attributes).entrySet()) {
            String key = e.getKey();
            Object val = e.getValue();
            Object currentVal = pos.currentAttributes.get(key);
            if (!Any.equalAttrs(currentVal, val)) {
                negated.put(key, currentVal);
                pos.right = ListOps.integrateNew(t, this, pos.left, pos.right, new ContentFormat(key, val));
                pos.forward();
            }
        }
        return negated;
    }

    private void insertNegatedAttributes(Transaction t, TextPosition pos, Map<String, Object> negated) {
        while (pos.right != null && (pos.right.isDeleted()
                || (pos.right.content() instanceof ContentFormat f && negated.containsKey(f.key())
                        && Any.equalAttrs(negated.get(f.key()), f.value())))) {
            if (!pos.right.isDeleted()) {
                negated.remove(((ContentFormat) pos.right.content()).key());
            }
            pos.forward();
        }
        for (Map.Entry<String, Object> e : negated.entrySet()) {
            pos.right = ListOps.integrateNew(t, this, pos.left, pos.right, new ContentFormat(e.getKey(), e.getValue()));
            pos.forward();
        }
    }

    private void formatText(Transaction t, TextPosition pos, int length, Map<String, Object> attributes) {
        StructStore store = t.doc().store();
        minimizeAttributeChanges(pos, attributes);
        Map<String, Object> negated = insertAttributes(t, pos, attributes);
        iteration:
        while (pos.right != null && (length > 0
                || (!negated.isEmpty() && (pos.right.isDeleted() || pos.right.content() instanceof ContentFormat)))) {
            Item r = pos.right;
            if (!r.isDeleted()) {
                if (r.content() instanceof ContentFormat f) {
                    String key = f.key();
                    Object value = f.value();
                    if (attributes.containsKey(key)) {
                        Object a = attributes.get(key);
                        if (Any.equalAttrs(a, value)) {
                            negated.remove(key);
                        } else {
                            if (length == 0) {
                                break iteration;
                            }
                            negated.put(key, value);
                        }
                        r.delete(t);
                    } else {
                        pos.currentAttributes.put(key, value);
                    }
                } else {
                    if (length < r.length()) {
                        store.getItemCleanStart(t, new Id(r.client(), r.clock() + length));
                    }
                    length -= r.length();
                }
            }
            pos.forward();
        }
        // Quill expects a text to end with a newline; formatting past the end adds the missing ones.
        if (length > 0) {
            pos.right = ListOps.integrateNew(t, this, pos.left, pos.right, new ContentString("\n".repeat(length)));
            pos.forward();
        }
        insertNegatedAttributes(t, pos, negated);
    }

    private TextPosition deleteText(Transaction t, TextPosition pos, int length) {
        StructStore store = t.doc().store();
        int startLength = length;
        Map<String, Object> startAttrs = new LinkedHashMap<>(pos.currentAttributes);
        Item startItem = pos.right;
        while (length > 0 && pos.right != null) {
            Item r = pos.right;
            if (!r.isDeleted()) {
                Content c = r.content();
                if (c instanceof ContentType || c instanceof ContentEmbed || c instanceof ContentString) {
                    if (length < r.length()) {
                        store.getItemCleanStart(t, new Id(r.client(), r.clock() + length));
                    }
                    length -= r.length();
                    r.delete(t);
                }
            }
            pos.forward();
        }
        if (startItem != null) {
            cleanupFormattingGap(t, startItem, pos.right, startAttrs, pos.currentAttributes);
        }
        Item any = pos.left != null ? pos.left : pos.right;
        YType parent = any == null ? this : any.parent();
        if (parent.searchMarkers != null) {
            SearchMarker.updateChanges(parent.searchMarkers, pos.index, -startLength + length);
        }
        return pos;
    }

    /** Removes formatting marks that a change made redundant between {@code start} and the next content. */
    static int cleanupFormattingGap(Transaction t, Item start, Item curr, Map<String, Object> startAttributes,
            Map<String, Object> currAttributes) {
        Item end = start;
        Map<String, ContentFormat> endFormats = new HashMap<>();
        while (end != null && (!end.countable() || end.isDeleted())) {
            if (!end.isDeleted() && end.content() instanceof ContentFormat cf) {
                endFormats.put(cf.key(), cf);
            }
            end = end.right();
        }
        int cleanups = 0;
        boolean reachedCurr = false;
        while (start != end) {
            if (curr == start) {
                reachedCurr = true;
            }
            if (!start.isDeleted() && start.content() instanceof ContentFormat cf) {
                String key = cf.key();
                Object value = cf.value();
                Object startAttrValue = startAttributes.get(key);
                if (endFormats.get(key) != cf || Any.strictEquals(startAttrValue, value)) {
                    // overwritten later in the gap, or not needed because the attribute was already in force
                    start.delete(t);
                    cleanups++;
                    if (!reachedCurr && Any.strictEquals(currAttributes.get(key), value)
                            && !Any.strictEquals(startAttrValue, value)) {
                        if (startAttrValue == null) {
                            currAttributes.remove(key);
                        } else {
                            currAttributes.put(key, startAttrValue);
                        }
                    }
                }
                if (!reachedCurr && !start.isDeleted()) {
                    TextPosition.updateCurrentAttributes(currAttributes, cf);
                }
            }
            start = start.right();
        }
        return cleanups;
    }

    private static void cleanupContextlessFormattingGap(Transaction t, Item item) {
        while (item != null && item.right() != null && (item.right().isDeleted() || !item.right().countable())) {
            item = item.right();
        }
        Set<String> attrs = new HashSet<>();
        while (item != null && (item.isDeleted() || !item.countable())) {
            if (!item.isDeleted() && item.content() instanceof ContentFormat cf) {
                if (attrs.contains(cf.key())) {
                    item.delete(t);
                } else {
                    attrs.add(cf.key());
                }
            }
            item = item.left();
        }
    }

    /** Removes every redundant formatting mark of this text; returns how many. */
    public int cleanupFormatting() {
        return cleanupFormatting(this);
    }

    /**
     * Removes every redundant formatting mark in {@code type}'s list. Yjs does this for any type a remote formatting
     * mark reached, a text or not, so the engine does too: replicas must end with the same items.
     */
    static int cleanupFormatting(YType type) {
        int[] res = {0};
        type.doc().transact(t -> {
            Item startItem = type.start();
            Item end = type.start();
            Map<String, Object> startAttributes = new LinkedHashMap<>();
            Map<String, Object> current = new LinkedHashMap<>(startAttributes);
            while (end != null) {
                if (!end.isDeleted()) {
                    if (end.content() instanceof ContentFormat cf) {
                        TextPosition.updateCurrentAttributes(current, cf);
                    } else {
                        res[0] += cleanupFormattingGap(t, startItem, end, startAttributes, current);
                        startAttributes = new LinkedHashMap<>(current);
                        startItem = end;
                    }
                }
                end = end.right();
            }
        });
        return res[0];
    }

    /** After remote changes to formatted text, Yjs drops marks the merge made redundant; so do we. */
    public static void cleanupAfterTransaction(Transaction transaction) {
        Set<YType> needFullCleanup = new LinkedHashSet<>();
        YDoc doc = transaction.doc();
        for (Map.Entry<Long, long[]> e : transaction.changedClients().entrySet()) {
            long clock = e.getValue()[0];
            long afterClock = e.getValue()[1];
            StructList structs = doc.store().clients().get(e.getKey());
            StructStore.iterateStructs(transaction, structs, clock, afterClock, s -> {
                if (!s.isDeleted() && s instanceof Item it && it.content() instanceof ContentFormat) {
                    needFullCleanup.add(it.parent());
                }
            });
        }
        doc.transact(t -> {
            doc.store().iterateDeleted(transaction, transaction.deleteSet(), s -> {
                if (s instanceof GcStruct || !(s instanceof Item item) || !(item.parent() instanceof YText text)
                        || !text.hasFormatting || needFullCleanup.contains(text)) {
                    return;
                }
                if (item.content() instanceof ContentFormat) {
                    needFullCleanup.add(text);
                } else {
                    cleanupContextlessFormattingGap(t, item);
                }
            });
            for (YType type : needFullCleanup) {
                cleanupFormatting(type);
            }
        });
    }

    @Override
    public void callObserver(Transaction transaction, Set<String> parentSubs) {
        super.callObserver(transaction, parentSubs);
        if (wantsEvent()) {
            emit(transaction, new YTextEvent(this, transaction, parentSubs));
        }
        if (!transaction.local() && hasFormatting) {
            transaction.requestFormattingCleanup();
        }
    }

    @Override
    public void writeTypeRef(UpdateEncoder encoder) {
        encoder.writeTypeRef(ContentRefs.TYPE_TEXT);
    }
}
