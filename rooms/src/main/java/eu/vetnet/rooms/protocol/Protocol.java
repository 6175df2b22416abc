package eu.vetnet.rooms.protocol;

import eu.vetnet.crdt.protocol.SyncMessage;

/**
 * The framing of one wire protocol: how a frame names its document and message type, and how the server's
 * answers are written. Decoding throws {@code DecodingException} for anything that is not the protocol.
 */
public interface Protocol {

    /** True when one socket carries several documents, each named in every frame. */
    boolean multiplexed();

    /** Decodes one frame; {@code fixedDocument} is the document of a single-document endpoint. */
    Incoming read(byte[] frame, String fixedDocument, int maxDocumentNameLength);

    byte[] sync(String document, SyncMessage message);

    byte[] awareness(String document, byte[] update);

    /** The answer to a successful authentication; null when the protocol has none. */
    byte[] authenticated(String document, boolean readOnly);

    /** Tells the client it may not do what it tried (read-only write, refused document). */
    byte[] permissionDenied(String document, String reason);

    /** Acknowledges (or not) an update; null when the protocol has none. */
    byte[] syncStatus(String document, boolean applied);

    /** VET-NET's notice that an update was rejected by policy or quota (JSON, see docs/rooms.md). */
    byte[] rejected(String document, String json);
}
