package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.encoding.JsJson;
import eu.vetnet.crdt.encoding.Undefined;
import eu.vetnet.crdt.encoding.UpdateDecoder;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The legacy JSON content of old Yjs versions: values as JSON text. Read and written, never created. */
public final class ContentJson implements Content {

    private List<Object> values;

    public ContentJson(List<Object> values) {
        this.values = values;
    }

    @Override
    public int length() {
        return values.size();
    }

    @Override
    public boolean countable() {
        return true;
    }

    @Override
    public List<Object> values() {
        return Collections.unmodifiableList(values);
    }

    @Override
    public Content copy() {
        return new ContentJson(new ArrayList<>(values));
    }

    @Override
    public Content splice(int offset) {
        ContentJson right = new ContentJson(new ArrayList<>(values.subList(offset, values.size())));
        values = new ArrayList<>(values.subList(0, offset));
        return right;
    }

    /** Appends in place, as {@link ContentAny} does (the list is this content's own). */
    @Override
    public boolean mergeWith(Content right) {
        values.addAll(((ContentJson) right).values);
        return true;
    }

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        int len = values.size();
        encoder.writeLen(len - offset);
        for (int i = offset; i < len; i++) {
            Object v = values.get(i);
            encoder.writeString(v == Undefined.INSTANCE ? "undefined" : JsJson.stringify(v));
        }
    }

    @Override
    public int ref() {
        return ContentRefs.JSON;
    }

    static ContentJson read(UpdateDecoder decoder) {
        int len = decoder.readLen();
        // grows as values actually decode: in v2 the strings come from a column whose size says little
        List<Object> values = new ArrayList<>(Math.min(len, 1024));
        for (int i = 0; i < len; i++) {
            String s = decoder.readString();
            values.add("undefined".equals(s) ? Undefined.INSTANCE : JsJson.parse(s));
        }
        return new ContentJson(values);
    }
}
