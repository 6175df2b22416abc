package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.encoding.UpdateEncoder;
import java.util.ArrayList;
import java.util.List;

/** Text, as a Java String: its UTF-16 offsets are the ones Yjs counts in. */
public final class ContentString implements Content {

    private String str;

    public ContentString(String str) {
        this.str = str;
    }

    public String string() {
        return str;
    }

    @Override
    public int length() {
        return str.length();
    }

    @Override
    public boolean countable() {
        return true;
    }

    @Override
    public List<Object> values() {
        List<Object> out = new ArrayList<>(str.length());
        for (int i = 0; i < str.length(); i++) {
            out.add(String.valueOf(str.charAt(i)));
        }
        return out;
    }

    @Override
    public Content copy() {
        return new ContentString(str);
    }

    @Override
    public Content splice(int offset) {
        ContentString right = new ContentString(str.substring(offset));
        str = str.substring(0, offset);
        // A cut inside a surrogate pair would leave two invalid halves; like Yjs (yjs#248), both become U+FFFD.
        char last = offset > 0 ? str.charAt(offset - 1) : 0;
        if (last >= 0xD800 && last <= 0xDBFF) {
            str = str.substring(0, offset - 1) + '\uFFFD';
            right.str = '\uFFFD' + right.str.substring(1);
        }
        return right;
    }

    @Override
    public boolean mergeWith(Content right) {
        str = str.concat(((ContentString) right).str);
        return true;
    }

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        encoder.writeString(offset == 0 ? str : str.substring(offset));
    }

    @Override
    public int ref() {
        return ContentRefs.STRING;
    }
}
