package eu.vetnet.crdt.struct;

/**
 * The wire number of every struct and content kind, the low five bits of a struct's info byte. Written once,
 * here; {@code ContentRefsTests} pins them to the numbers Yjs uses.
 */
public final class ContentRefs {

    public static final int GC = 0;
    public static final int DELETED = 1;
    public static final int JSON = 2;
    public static final int BINARY = 3;
    public static final int STRING = 4;
    public static final int EMBED = 5;
    public static final int FORMAT = 6;
    public static final int TYPE = 7;
    public static final int ANY = 8;
    public static final int DOC = 9;
    public static final int SKIP = 10;

    /** Type refs inside {@link ContentType}, as Yjs numbers them. */
    public static final int TYPE_ARRAY = 0;
    public static final int TYPE_MAP = 1;
    public static final int TYPE_TEXT = 2;
    public static final int TYPE_XML_ELEMENT = 3;
    public static final int TYPE_XML_FRAGMENT = 4;
    public static final int TYPE_XML_HOOK = 5;
    public static final int TYPE_XML_TEXT = 6;

    private ContentRefs() {
    }
}
