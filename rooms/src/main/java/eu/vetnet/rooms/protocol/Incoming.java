package eu.vetnet.rooms.protocol;

import eu.vetnet.crdt.protocol.SyncMessage;

/** One decoded client message, addressed to a document of the room. */
public sealed interface Incoming {

    String document();

    /** Sync step 1, step 2 or update. */
    record Sync(String document, SyncMessage message) implements Incoming {
    }

    /** An awareness update, still encoded (decoded with limits by the core). */
    record Awareness(String document, byte[] update) implements Incoming {
    }

    /** The client asks for every awareness state. */
    record QueryAwareness(String document) implements Incoming {
    }

    /** Hocuspocus: the token for a document; opens it on this socket. */
    record Auth(String document, String token) implements Incoming {
    }

    /** Hocuspocus: a stateless message from the client. */
    record Stateless(String document, String payload) implements Incoming {
    }

    /** Hocuspocus: the provider detached this document from the socket. */
    record Close(String document) implements Incoming {
    }

    /** A message type the server accepts and has nothing to do for (server-only types sent by a client). */
    record Ignored(String document, int type) implements Incoming {
    }
}
