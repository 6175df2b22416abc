package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.store.StructStore;
import eu.vetnet.crdt.types.YType;
import java.util.HashSet;
import java.util.Set;

/**
 * One run of content inserted by one client, linked into its parent type's list (or into the history of one
 * map key). The integration algorithm is YATA as Yjs implements it; every branch here mirrors one of Yjs's,
 * because two replicas that disagree on a single origin produce different bytes.
 */
public final class Item extends Struct {

    private static final int KEEP = 1;
    private static final int COUNTABLE = 2;
    private static final int DELETED = 4;
    private static final int MARKER = 8;

    /** The id of the unit to the left when this was inserted (null at the start). */
    Id origin;
    Item left;
    Item right;
    /** The id of the unit to the right when this was inserted (null at the end). */
    Id rightOrigin;
    YType parent;
    /** Set only on decoded items that are not integrated yet; {@link #parent} once they are. */
    ParentRef parentRef;
    /** The map key this item is a value of, or null for list content. */
    String parentSub;
    /** Set when an undo re-inserted this item's content: the id of the copy. */
    Id redone;
    Content content;
    private int info;

    public Item(Id id, Item left, Id origin, Item right, Id rightOrigin, YType parent, ParentRef parentRef,
            String parentSub, Content content) {
        super(id, content.length());
        this.origin = origin;
        this.left = left;
        this.right = right;
        this.rightOrigin = rightOrigin;
        this.parent = parent;
        this.parentRef = parentRef;
        this.parentSub = parentSub;
        this.content = content;
        this.info = content.countable() ? COUNTABLE : 0;
    }

    // ---- accessors -------------------------------------------------------------------------------------

    public Id origin() {
        return origin;
    }

    public Id rightOrigin() {
        return rightOrigin;
    }

    public Item left() {
        return left;
    }

    public Item right() {
        return right;
    }

    public void setRight(Item right) {
        this.right = right;
    }

    public void setLeft(Item left) {
        this.left = left;
    }

    public YType parent() {
        return parent;
    }

    public void setParent(YType parent) {
        this.parent = parent;
    }

    public ParentRef parentRef() {
        return parentRef;
    }

    public void clearParentRef() {
        this.parentRef = null;
    }

    public String parentSub() {
        return parentSub;
    }

    public Content content() {
        return content;
    }

    public Id redone() {
        return redone;
    }

    public void setRedone(Id redone) {
        this.redone = redone;
    }

    public boolean keep() {
        return (info & KEEP) != 0;
    }

    public void setKeep(boolean keep) {
        info = keep ? info | KEEP : info & ~KEEP;
    }

    public boolean countable() {
        return (info & COUNTABLE) != 0;
    }

    @Override
    public boolean isDeleted() {
        return (info & DELETED) != 0;
    }

    public void markDeleted() {
        info |= DELETED;
    }

    public boolean marker() {
        return (info & MARKER) != 0;
    }

    public void setMarker(boolean marked) {
        info = marked ? info | MARKER : info & ~MARKER;
    }

    /** Countable and not deleted: whether this item's length shows in its parent's length. */
    public boolean visible() {
        return (info & (COUNTABLE | DELETED)) == COUNTABLE;
    }

    /** The next item to the right that is not deleted. */
    public Item next() {
        Item n = right;
        while (n != null && n.isDeleted()) {
            n = n.right;
        }
        return n;
    }

    /** The next item to the left that is not deleted. */
    public Item prev() {
        Item n = left;
        while (n != null && n.isDeleted()) {
            n = n.left;
        }
        return n;
    }

    // ---- splitting -------------------------------------------------------------------------------------

    /** Cuts this item after {@code diff} units and returns the new right part, linked in after this one. */
    public Item split(Transaction transaction, int diff) {
        long client = id.client();
        long clock = id.clock();
        Item rightItem = new Item(new Id(client, clock + diff), this, new Id(client, clock + diff - 1), right,
                rightOrigin, parent, parentRef, parentSub, content.splice(diff));
        if (isDeleted()) {
            rightItem.markDeleted();
        }
        if (keep()) {
            rightItem.setKeep(true);
        }
        if (redone != null) {
            rightItem.redone = new Id(redone.client(), redone.clock() + diff);
        }
        // Not this.rightOrigin: that would change what the left part says on the wire.
        right = rightItem;
        if (rightItem.right != null) {
            rightItem.right.left = rightItem;
        }
        transaction.mergeStructs().add(rightItem);
        if (rightItem.parentSub != null && rightItem.right == null) {
            parent.itemMap().put(rightItem.parentSub, rightItem);
        }
        length = diff;
        return rightItem;
    }

    // ---- integration -----------------------------------------------------------------------------------

    @Override
    public long missingClient(Transaction transaction, StructStore store) {
        if (origin != null && origin.client() != id.client() && origin.clock() >= store.getState(origin.client())) {
            return origin.client();
        }
        if (rightOrigin != null && rightOrigin.client() != id.client()
                && rightOrigin.clock() >= store.getState(rightOrigin.client())) {
            return rightOrigin.client();
        }
        if (parentRef instanceof ParentRef.ById byId && id.client() != byId.id().client()
                && byId.id().clock() >= store.getState(byId.id().client())) {
            return byId.id().client();
        }
        // Everything needed is there: find the neighbours. A neighbour that was collected (a GC struct)
        // means this item's parent is gone too, so it will integrate as a GC struct.
        boolean collectedNeighbour = false;
        if (origin != null) {
            Struct l = store.getItemCleanEnd(transaction, origin);
            origin = l.lastId();
            if (l instanceof Item li) {
                left = li;
            } else {
                collectedNeighbour = true;
            }
        }
        if (rightOrigin != null) {
            Struct r = store.getItemCleanStart(transaction, rightOrigin);
            rightOrigin = r.id;
            if (r instanceof Item ri) {
                right = ri;
            } else {
                collectedNeighbour = true;
            }
        }
        if (collectedNeighbour) {
            parent = null;
            parentRef = null;
        } else if (parent == null && parentRef == null) {
            if (left != null) {
                parent = left.parent;
                parentSub = left.parentSub;
            } else if (right != null) {
                parent = right.parent;
                parentSub = right.parentSub;
            }
        } else if (parentRef instanceof ParentRef.ById byId) {
            Struct parentStruct = store.find(byId.id());
            parentRef = null;
            if (parentStruct instanceof Item parentItem && parentItem.content instanceof ContentType ct) {
                parent = ct.type();
            } else {
                parent = null;
            }
        }
        return NONE_MISSING;
    }

    @Override
    public void integrate(Transaction transaction, int offset) {
        StructStore store = transaction.doc().store();
        if (offset > 0) {
            id = new Id(id.client(), id.clock() + offset);
            Struct l = store.getItemCleanEnd(transaction, new Id(id.client(), id.clock() - 1));
            origin = l.lastId();
            if (l instanceof Item li) {
                left = li;
            } else {
                parent = null; // Yjs would fail here; the part before was collected, so this part goes too
            }
            content = content.splice(offset);
            length -= offset;
        }
        if (parent == null) {
            // The parent is gone (collected): keep the clocks, as a GC struct.
            new GcStruct(id, length).integrate(transaction, 0);
            return;
        }
        if ((left == null && (right == null || right.left != null)) || (left != null && left.right != right)) {
            resolveConflicts(transaction, store);
        }
        // Link in, and update the parent's start or map entry.
        if (left != null) {
            right = left.right;
            left.right = this;
        } else {
            Item r;
            if (parentSub != null) {
                r = parent.itemMap().get(parentSub);
                while (r != null && r.left != null) {
                    r = r.left;
                }
            } else {
                r = parent.start();
                parent.setStart(this);
            }
            right = r;
        }
        if (right != null) {
            right.left = this;
        } else if (parentSub != null) {
            // The newest value of a map key is the rightmost; it replaces the one before.
            parent.itemMap().put(parentSub, this);
            if (left != null) {
                left.delete(transaction);
            }
        }
        if (parentSub == null && countable() && !isDeleted()) {
            parent.addLength(length);
        }
        store.addStruct(this);
        content.integrate(transaction, this);
        transaction.addChangedType(parent, parentSub);
        Item parentItem = parent.item();
        if ((parentItem != null && parentItem.isDeleted()) || (parentSub != null && right != null)) {
            delete(transaction);
        }
    }

    /** YATA: among concurrent inserts at the same place, decide which ones go to the left of this item. */
    private void resolveConflicts(Transaction transaction, StructStore store) {
        Item newLeft = left;
        Item o;
        if (newLeft != null) {
            o = newLeft.right;
        } else if (parentSub != null) {
            o = parent.itemMap().get(parentSub);
            while (o != null && o.left != null) {
                o = o.left;
            }
        } else {
            o = parent.start();
        }
        // ***{origin}bbbb{this}{c,b}{c,b}{o}***  with c in conflicting, b in beforeOrigin (c is a subset of b)
        Set<Item> conflicting = new HashSet<>();
        Set<Item> beforeOrigin = new HashSet<>();
        while (o != null && o != right) {
            beforeOrigin.add(o);
            conflicting.add(o);
            if (Id.equal(origin, o.origin)) {
                // case 1: same left origin, the lower client id goes left
                if (o.id.client() < id.client()) {
                    newLeft = o;
                    conflicting.clear();
                } else if (Id.equal(rightOrigin, o.rightOrigin)) {
                    // same integration points on both sides: the id decides, and this goes left of o
                    break;
                }
            } else if (o.origin != null && beforeOrigin.contains(store.find(o.origin))) {
                // case 2: o's origin is among the items we passed
                if (!conflicting.contains(store.find(o.origin))) {
                    newLeft = o;
                    conflicting.clear();
                }
            } else {
                break;
            }
            o = o.right;
        }
        left = newLeft;
    }

    // ---- merge, delete, gc -----------------------------------------------------------------------------

    @Override
    public boolean mergeWith(Struct other) {
        if (!(other instanceof Item r)) {
            return false;
        }
        if (Id.equal(r.origin, lastId()) && right == r && Id.equal(rightOrigin, r.rightOrigin)
                && id.client() == r.id.client() && id.clock() + length == r.id.clock()
                && isDeleted() == r.isDeleted() && redone == null && r.redone == null
                && content.getClass() == r.content.getClass() && content.mergeWith(r.content)) {
            if (parent != null) {
                parent.onItemMerged(this, r);
            }
            if (r.keep()) {
                setKeep(true);
            }
            right = r.right;
            if (right != null) {
                right.left = this;
            }
            length += r.length;
            return true;
        }
        return false;
    }

    public void delete(Transaction transaction) {
        if (isDeleted()) {
            return;
        }
        deleteOnly(transaction);
        content.delete(transaction);
    }

    /**
     * Marks this item deleted without deleting what its content holds: a nested type's children are deleted by
     * {@link ContentType#delete}, which walks the nesting with a work list instead of recursing per level.
     */
    void deleteOnly(Transaction transaction) {
        if (countable() && parentSub == null) {
            parent.addLength(-length);
        }
        markDeleted();
        transaction.deleteSet().add(id.client(), id.clock(), length);
        transaction.addChangedType(parent, parentSub);
    }

    /** Drops the content of a deleted item; when its parent went too, replaces it by a GC struct. */
    public void gc(StructStore store, boolean parentCollected) {
        if (!isDeleted()) {
            throw new IllegalStateException("only deleted items are collected");
        }
        content.gc(store);
        if (parentCollected) {
            store.replaceStruct(this, new GcStruct(id, length));
        } else {
            content = new ContentDeleted(length);
        }
    }

    /** Replaces this deleted item, whose parent was collected, by a GC struct; its content is collected by the caller. */
    void collectOnly(StructStore store) {
        store.replaceStruct(this, new GcStruct(id, length));
    }

    // ---- encoding --------------------------------------------------------------------------------------

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        Id o = offset > 0 ? new Id(id.client(), id.clock() + offset - 1) : origin;
        int infoByte = (content.ref() & 0x1F) | (o == null ? 0 : 0x80) | (rightOrigin == null ? 0 : 0x40)
                | (parentSub == null ? 0 : 0x20);
        encoder.writeInfo(infoByte);
        if (o != null) {
            encoder.writeLeftId(o);
        }
        if (rightOrigin != null) {
            encoder.writeRightId(rightOrigin);
        }
        if (o == null && rightOrigin == null) {
            if (parent != null) {
                Item parentItem = parent.item();
                if (parentItem == null) {
                    encoder.writeParentInfo(true);
                    encoder.writeString(parent.rootName());
                } else {
                    encoder.writeParentInfo(false);
                    encoder.writeLeftId(parentItem.id);
                }
            } else if (parentRef instanceof ParentRef.Named named) {
                encoder.writeParentInfo(true);
                encoder.writeString(named.name());
            } else if (parentRef instanceof ParentRef.ById byId) {
                encoder.writeParentInfo(false);
                encoder.writeLeftId(byId.id());
            } else {
                throw new IllegalStateException("item " + id + " has no parent to write");
            }
            if (parentSub != null) {
                encoder.writeString(parentSub);
            }
        }
        content.write(encoder, offset);
    }

    /** A copy of the part from {@code diff} on, as a decoded (not integrated) item; used when merging updates. */
    public Item sliceFrom(int diff) {
        return new Item(new Id(id.client(), id.clock() + diff), null, new Id(id.client(), id.clock() + diff - 1),
                null, rightOrigin, parent, parentRef, parentSub, content.splice(diff));
    }

    @Override
    public String toString() {
        return "Item(" + id + ", len " + length + (isDeleted() ? ", deleted" : "") + ", "
                + content.getClass().getSimpleName() + ")";
    }
}
