package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.encoding.UpdateDecoder;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.store.StructStore;
import java.util.List;

/** What an {@link Item} holds. A closed set: one final class per wire number in {@link ContentRefs}. */
public sealed interface Content permits ContentDeleted, ContentJson, ContentBinary, ContentString, ContentEmbed,
        ContentFormat, ContentType, ContentAny, ContentDoc {

    int length();

    /** Whether the content counts towards the length of a list or text (formats and deletions do not). */
    boolean countable();

    /** The values a reader sees, one per unit of length. */
    List<Object> values();

    Content copy();

    /** Cuts this content at {@code offset}, keeps the left part and returns the right part. */
    Content splice(int offset);

    /** Appends {@code right} (of the same class) when this kind of content can merge; true when it did. */
    boolean mergeWith(Content right);

    default void integrate(Transaction transaction, Item item) {
    }

    default void delete(Transaction transaction) {
    }

    default void gc(StructStore store) {
    }

    void write(UpdateEncoder encoder, int offset);

    int ref();

    static Content read(UpdateDecoder decoder, int info) {
        return switch (info & 0x1F) {
            case ContentRefs.DELETED -> new ContentDeleted(decoder.readLen());
            case ContentRefs.JSON -> ContentJson.read(decoder);
            case ContentRefs.BINARY -> new ContentBinary(decoder.readBuf());
            case ContentRefs.STRING -> new ContentString(decoder.readString());
            case ContentRefs.EMBED -> new ContentEmbed(decoder.readJson());
            case ContentRefs.FORMAT -> new ContentFormat(decoder.readKey(), decoder.readJson());
            case ContentRefs.TYPE -> ContentType.read(decoder);
            case ContentRefs.ANY -> ContentAny.read(decoder);
            case ContentRefs.DOC -> ContentDoc.read(decoder);
            default -> throw new DecodingException("unknown content kind " + (info & 0x1F));
        };
    }
}
