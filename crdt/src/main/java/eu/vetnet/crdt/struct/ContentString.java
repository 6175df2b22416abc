package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.encoding.UpdateEncoder;
import java.util.ArrayList;
import java.util.List;

/** Text, as a Java String: its UTF-16 offsets are the ones Yjs counts in. */
public final class ContentString implements Content {

    /**
     * The text, or null while {@link #appended} holds it: consecutive keystrokes merge into one item, and
     * appending to a builder keeps that linear where concatenating Strings would copy the run every time.
     */
    private String str;
    private StringBuilder appended;

    public ContentString(String str) {
        this.str = str;
    }

    public String string() {
        if (str == null) {
            str = appended.toString();
        }
        return str;
    }

    @Override
    public int length() {
        return str != null ? str.length() : appended.length();
    }

    @Override
    public boolean countable() {
        return true;
    }

    @Override
    public List<Object> values() {
        String s = string();
        List<Object> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.add(String.valueOf(s.charAt(i)));
        }
        return out;
    }

    @Override
    public Content copy() {
        return new ContentString(string());
    }

    @Override
    public Content splice(int offset) {
        String whole = string();
        appended = null;
        ContentString right = new ContentString(whole.substring(offset));
        str = whole.substring(0, offset);
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
        if (appended == null) {
            appended = new StringBuilder(Math.max(16, str.length() * 2)).append(str);
        }
        appended.append(((ContentString) right).string());
        str = null;
        return true;
    }

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        String s = string();
        encoder.writeString(offset == 0 ? s : s.substring(offset));
    }

    @Override
    public int ref() {
        return ContentRefs.STRING;
    }
}
