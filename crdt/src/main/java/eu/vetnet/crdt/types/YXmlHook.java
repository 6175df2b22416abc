package eu.vetnet.crdt.types;

import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.struct.ContentRefs;

/** A named map inside an XML tree that an editor renders itself (a custom node). */
public final class YXmlHook extends YMap {

    private final String hookName;

    public YXmlHook(String hookName) {
        this.hookName = hookName;
    }

    public String hookName() {
        return hookName;
    }

    @Override
    public YType emptyCopy() {
        return new YXmlHook(hookName);
    }

    @Override
    public void writeTypeRef(UpdateEncoder encoder) {
        encoder.writeTypeRef(ContentRefs.TYPE_XML_HOOK);
        encoder.writeKey(hookName);
    }
}
