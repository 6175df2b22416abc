package eu.vetnet.crdt.types;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a delta, in Quill's model: insert content, retain (skip) a length, or delete a length;
 * inserts and retains may carry attributes. For arrays an insert holds a list of values; for text a string,
 * an embed or a nested type.
 */
public record DeltaOp(Object insert, int retain, int delete, Map<String, Object> attributes) {

    public static DeltaOp insert(Object content, Map<String, Object> attributes) {
        return new DeltaOp(content, 0, 0, attributes == null || attributes.isEmpty() ? null : attributes);
    }

    public static DeltaOp retain(int length, Map<String, Object> attributes) {
        return new DeltaOp(null, length, 0, attributes == null || attributes.isEmpty() ? null : attributes);
    }

    public static DeltaOp delete(int length) {
        return new DeltaOp(null, 0, length, null);
    }

    public boolean isInsert() {
        return insert != null;
    }

    public boolean isRetain() {
        return insert == null && retain > 0;
    }

    public boolean isDelete() {
        return insert == null && delete > 0;
    }

    /** The JSON shape Yjs gives the same op: {@code {insert, attributes}}, {@code {retain}}, {@code {delete}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (insert != null) {
            Object v = insert;
            if (v instanceof YType t) {
                v = t.toJson();
            } else if (v instanceof List<?> list) {
                v = list.stream().map(o -> o instanceof YType t ? t.toJson() : o).toList();
            }
            out.put("insert", v);
        } else if (retain > 0) {
            out.put("retain", retain);
        } else {
            out.put("delete", delete);
        }
        if (attributes != null) {
            out.put("attributes", attributes);
        }
        return out;
    }
}
