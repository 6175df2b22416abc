package eu.vetnet.crdt.types;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.encoding.Any;
import eu.vetnet.crdt.struct.ContentEmbed;
import eu.vetnet.crdt.struct.ContentFormat;
import eu.vetnet.crdt.struct.ContentString;
import eu.vetnet.crdt.struct.ContentType;
import eu.vetnet.crdt.struct.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A change to a text, as a Quill delta. Computing it may delete formatting marks that the change made
 * redundant, exactly as Yjs does (editors read this delta, and every peer must drop the same marks).
 */
public final class YTextEvent extends YEvent {

    private boolean childListChanged;
    private final Set<String> keysChanged = new HashSet<>();
    private List<DeltaOp> delta;

    YTextEvent(YText target, Transaction transaction, Set<String> subs) {
        super(target, transaction);
        for (String sub : subs) {
            if (sub == null) {
                childListChanged = true;
            } else {
                keysChanged.add(sub);
            }
        }
    }

    public boolean childListChanged() {
        return childListChanged;
    }

    public Set<String> keysChanged() {
        return keysChanged;
    }

    @Override
    public List<DeltaOp> delta() {
        if (delta == null) {
            requireDuringEvent();
            List<DeltaOp> out = new ArrayList<>();
            target().doc().transact(t -> compute(t, out));
            delta = out;
        }
        return delta;
    }

    private enum Action { INSERT, RETAIN, DELETE }

    // Working state of the delta computation; allocated only when someone reads the delta.
    private Action action;
    private Object insert = "";
    private int retain;
    private int deleteLen;
    private Map<String, Object> currentAttributes;
    private Map<String, Object> oldAttributes;
    private Map<String, Object> attributes;

    private void addOp(List<DeltaOp> out) {
        if (action == null) {
            return;
        }
        DeltaOp op = null;
        switch (action) {
            case DELETE -> {
                if (deleteLen > 0) {
                    op = DeltaOp.delete(deleteLen);
                }
                deleteLen = 0;
            }
            case INSERT -> {
                if (!(insert instanceof String s) || !s.isEmpty()) {
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    currentAttributes.forEach((k, v) -> {
                        if (v != null) {
                            attrs.put(k, v);
                        }
                    });
                    op = DeltaOp.insert(insert, attrs);
                }
                insert = "";
            }
            case RETAIN -> {
                if (retain > 0) {
                    op = DeltaOp.retain(retain, new LinkedHashMap<>(attributes));
                }
                retain = 0;
            }
        }
        if (op != null) {
            out.add(op);
        }
        action = null;
    }

    private void compute(Transaction t, List<DeltaOp> out) {
        currentAttributes = new LinkedHashMap<>();
        oldAttributes = new LinkedHashMap<>();
        attributes = new LinkedHashMap<>();
        for (Item item = target().start; item != null; item = item.right()) {
            if (item.content() instanceof ContentType || item.content() instanceof ContentEmbed) {
                if (adds(item)) {
                    if (!deletes(item)) {
                        addOp(out);
                        action = Action.INSERT;
                        insert = item.content().values().get(0);
                        addOp(out);
                    }
                } else if (deletes(item)) {
                    if (action != Action.DELETE) {
                        addOp(out);
                        action = Action.DELETE;
                    }
                    deleteLen += 1;
                } else if (!item.isDeleted()) {
                    if (action != Action.RETAIN) {
                        addOp(out);
                        action = Action.RETAIN;
                    }
                    retain += 1;
                }
            } else if (item.content() instanceof ContentString s) {
                if (adds(item)) {
                    if (!deletes(item)) {
                        if (action != Action.INSERT) {
                            addOp(out);
                            action = Action.INSERT;
                        }
                        insert = ((String) insert) + s.string();
                    }
                } else if (deletes(item)) {
                    if (action != Action.DELETE) {
                        addOp(out);
                        action = Action.DELETE;
                    }
                    deleteLen += item.length();
                } else if (!item.isDeleted()) {
                    if (action != Action.RETAIN) {
                        addOp(out);
                        action = Action.RETAIN;
                    }
                    retain += item.length();
                }
            } else if (item.content() instanceof ContentFormat f) {
                String key = f.key();
                Object value = f.value();
                if (adds(item)) {
                    if (!deletes(item)) {
                        Object curVal = currentAttributes.get(key);
                        if (!Any.equalAttrs(curVal, value)) {
                            if (action == Action.RETAIN) {
                                addOp(out);
                            }
                            if (Any.equalAttrs(value, oldAttributes.get(key))) {
                                attributes.remove(key);
                            } else {
                                attributes.put(key, value);
                            }
                        } else if (value != null) {
                            item.delete(t);
                        }
                    }
                } else if (deletes(item)) {
                    oldAttributes.put(key, value);
                    Object curVal = currentAttributes.get(key);
                    if (!Any.equalAttrs(curVal, value)) {
                        if (action == Action.RETAIN) {
                            addOp(out);
                        }
                        attributes.put(key, curVal);
                    }
                } else if (!item.isDeleted()) {
                    oldAttributes.put(key, value);
                    if (attributes.containsKey(key)) {
                        Object attr = attributes.get(key);
                        if (!Any.equalAttrs(attr, value)) {
                            if (action == Action.RETAIN) {
                                addOp(out);
                            }
                            if (value == null) {
                                attributes.remove(key);
                            } else {
                                attributes.put(key, value);
                            }
                        } else if (attr != null) {
                            item.delete(t);
                        }
                    }
                }
                if (!item.isDeleted()) {
                    if (action == Action.INSERT) {
                        addOp(out);
                    }
                    TextPosition.updateCurrentAttributes(currentAttributes, f);
                }
            }
        }
        addOp(out);
        while (!out.isEmpty()) {
            DeltaOp last = out.get(out.size() - 1);
            if (last.isRetain() && last.attributes() == null) {
                out.remove(out.size() - 1);
            } else {
                break;
            }
        }
    }
}
