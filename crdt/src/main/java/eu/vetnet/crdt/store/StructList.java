package eu.vetnet.crdt.store;

import eu.vetnet.crdt.struct.Struct;
import java.util.Arrays;

/** One client's structs, ordered by clock with no gaps: a plain growable array, as splits insert in place. */
public final class StructList {

    private Struct[] arr = new Struct[8];
    private int size;

    public int size() {
        return size;
    }

    public Struct get(int i) {
        return arr[i];
    }

    public Struct last() {
        return arr[size - 1];
    }

    public void set(int i, Struct s) {
        arr[i] = s;
    }

    public void add(Struct s) {
        if (size == arr.length) {
            arr = Arrays.copyOf(arr, size * 2);
        }
        arr[size++] = s;
    }

    public void insert(int index, Struct s) {
        if (size == arr.length) {
            arr = Arrays.copyOf(arr, size * 2);
        }
        System.arraycopy(arr, index, arr, index + 1, size - index);
        arr[index] = s;
        size++;
    }

    /** Removes {@code count} structs starting at {@code from}. */
    public void removeRange(int from, int count) {
        System.arraycopy(arr, from + count, arr, from, size - from - count);
        Arrays.fill(arr, size - count, size, null);
        size -= count;
    }

    /**
     * The index of the struct holding {@code clock}. Guesses the index from the clock first (clocks are dense,
     * so the guess often hits), then bisects, as Yjs does.
     */
    public int findIndex(long clock) {
        int left = 0;
        int right = size - 1;
        Struct mid = arr[right];
        long midClock = mid.clock();
        if (midClock == clock) {
            return right;
        }
        long denominator = midClock + mid.length() - 1;
        int midIndex = denominator <= 0 ? 0 : (int) Math.floor(((double) clock / denominator) * right);
        if (midIndex < 0 || midIndex > right) {
            midIndex = (left + right) >>> 1;
        }
        while (left <= right) {
            mid = arr[midIndex];
            midClock = mid.clock();
            if (midClock <= clock) {
                if (clock < midClock + mid.length()) {
                    return midIndex;
                }
                left = midIndex + 1;
            } else {
                right = midIndex - 1;
            }
            midIndex = (left + right) >>> 1;
        }
        throw new IllegalStateException("no struct holds clock " + clock);
    }
}
