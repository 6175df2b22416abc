package eu.vetnet.crdt.types;

import eu.vetnet.crdt.struct.Item;
import java.util.List;

/**
 * A remembered (item, index) pair in a list, so that positional edits near recent ones do not walk the list
 * from the start. The same policy as Yjs (at most 80, least recently used replaced), so that the engine
 * walks the same paths.
 */
final class SearchMarker {

    static final int MAX = 80;
    private static long clock;

    Item p;
    int index;
    long timestamp;

    SearchMarker(Item p, int index) {
        p.setMarker(true);
        this.p = p;
        this.index = index;
        this.timestamp = clock++;
    }

    void refresh() {
        timestamp = clock++;
    }

    void overwrite(Item newP, int newIndex) {
        p.setMarker(false);
        p = newP;
        newP.setMarker(true);
        index = newIndex;
        timestamp = clock++;
    }

    static SearchMarker mark(List<SearchMarker> markers, Item p, int index) {
        if (markers.size() >= MAX) {
            SearchMarker oldest = markers.get(0);
            for (SearchMarker m : markers) {
                if (m.timestamp < oldest.timestamp) {
                    oldest = m;
                }
            }
            oldest.overwrite(p, index);
            return oldest;
        }
        SearchMarker m = new SearchMarker(p, index);
        markers.add(m);
        return m;
    }

    /** The marker for position {@code index}, moved there from the nearest one; null when markers are off. */
    static SearchMarker find(YType type, int index) {
        List<SearchMarker> markers = type.searchMarkers;
        if (type.start == null || index == 0 || markers == null) {
            return null;
        }
        SearchMarker marker = null;
        for (SearchMarker m : markers) {
            if (marker == null || Math.abs(index - m.index) <= Math.abs(index - marker.index)) { // ties: the later one, as Yjs
                marker = m;
            }
        }
        Item p = type.start;
        int pindex = 0;
        if (marker != null) {
            p = marker.p;
            pindex = marker.index;
            marker.refresh();
        }
        while (p.right() != null && pindex < index) {
            if (p.visible()) {
                if (index < pindex + p.length()) {
                    break;
                }
                pindex += p.length();
            }
            p = p.right();
        }
        while (p.left() != null && pindex > index) {
            p = p.left();
            if (p.visible()) {
                pindex -= p.length();
            }
        }
        // Never point at an item that could merge with its left neighbour: the marker would then be stale.
        while (p.left() != null && p.left().client() == p.client() && p.left().endClock() == p.clock()) {
            p = p.left();
            if (p.visible()) {
                pindex -= p.length();
            }
        }
        if (marker != null && Math.abs(marker.index - pindex) < (double) p.parent().length / MAX) {
            marker.overwrite(p, pindex);
            return marker;
        }
        return mark(markers, p, pindex);
    }

    /** Shifts markers after an insert ({@code len > 0}) or delete ({@code len < 0}) at {@code index}. */
    static void updateChanges(List<SearchMarker> markers, int index, int len) {
        for (int i = markers.size() - 1; i >= 0; i--) {
            SearchMarker m = markers.get(i);
            if (len > 0) {
                Item p = m.p;
                p.setMarker(false);
                while (p != null && (p.isDeleted() || !p.countable())) {
                    p = p.left();
                    if (p != null && p.visible()) {
                        m.index -= p.length();
                    }
                }
                if (p == null || p.marker()) {
                    markers.remove(i);
                    continue;
                }
                m.p = p;
                p.setMarker(true);
            }
            if (index < m.index || (len > 0 && index == m.index)) {
                m.index = Math.max(index, m.index + len);
            }
        }
    }
}
