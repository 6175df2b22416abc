package eu.vetnet.crdt.encoding;

import eu.vetnet.crdt.CrdtException;

/**
 * Bytes that do not decode: end of buffer, a runaway varint, a length over what is left or over a limit,
 * invalid UTF-8 or JSON. Thrown before anything is allocated for the bad part, and before anything is
 * applied to a document: an update that fails to decode changes nothing.
 */
public final class DecodingException extends CrdtException {

    public DecodingException(String message) {
        super(message);
    }
}
