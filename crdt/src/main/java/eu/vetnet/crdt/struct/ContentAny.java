package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.encoding.UpdateDecoder;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** JSON-like values in a list or as a map value, encoded with lib0's {@code Any}. */
public final class ContentAny implements Content {

    private List<Object> values;

    /** Takes ownership of {@code values} (a mutable list no one else changes). */
    public ContentAny(List<Object> values) {
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
        return new ContentAny(new ArrayList<>(values));
    }

    @Override
    public Content splice(int offset) {
        ContentAny right = new ContentAny(new ArrayList<>(values.subList(offset, values.size())));
        values = new ArrayList<>(values.subList(0, offset));
        return right;
    }

    /** Appends in place (the list is this content's own): typing a run of values stays linear. */
    @Override
    public boolean mergeWith(Content right) {
        values.addAll(((ContentAny) right).values);
        return true;
    }

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        int len = values.size();
        encoder.writeLen(len - offset);
        for (int i = offset; i < len; i++) {
            encoder.writeAny(values.get(i));
        }
    }

    @Override
    public int ref() {
        return ContentRefs.ANY;
    }

    static ContentAny read(UpdateDecoder decoder) {
        int len = decoder.readLen();
        if (len > decoder.rest().remaining()) { // every value takes at least one byte of the rest stream
            throw new eu.vetnet.crdt.encoding.DecodingException("content of " + len + " values exceeds the bytes left");
        }
        List<Object> values = new ArrayList<>(len);
        for (int i = 0; i < len; i++) {
            values.add(decoder.readAny());
        }
        return new ContentAny(values);
    }
}
