package eu.vetnet.rooms.core;

import java.time.Duration;

/**
 * Every cap the room server enforces, with defaults for the embedded run. The gateway must use the same
 * {@code maxMessageBytes} (docs/reliability.md, rule 3).
 *
 * @param maxMessageBytes largest incoming frame (and message: frames are aggregated up to this size)
 * @param documentQuotaBytes largest encoded state a document may grow to; updates beyond it are rejected
 * @param maxMessagesBeforeAuthentication messages a socket may send before its first document is authenticated
 * @param authenticationTimeout time a socket has to authenticate its first document
 * @param maxAwarenessStateBytes largest JSON state in one awareness entry
 * @param maxAwarenessEntries most client entries in one incoming awareness message
 * @param maxAwarenessClientsPerSession awareness client ids one connection may announce for one document
 * @param awarenessPerSecond sustained rate of a connection's own awareness updates per document; excess is dropped
 * @param messagesPerSecond sustained rate of all messages of one socket; a flood over it closes the socket
 * @param messageBurst bucket size for {@code messagesPerSecond}
 * @param maxDocumentsPerSocket documents one Hocuspocus socket may carry
 * @param maxDocumentNameLength longest document name
 * @param unloadGrace how long a room stays loaded after its last connection left
 * @param maxSocketsPerUser sockets one person may hold open on this server at once (every tab and device); more are
 *     closed with 4429
 * @param syncRequestsPerSecond sync step 1 requests a connection may make per document and second (burst twice
 *     that); each costs an encoding of what the client lacks, so more are dropped
 * @param storeDebounce a changed document is stored ({@code onStoreDocument}) once it was quiet this long...
 * @param storeMaxDebounce ...but no later than this after its first change not stored yet...
 * @param storeMaxUpdates ...or at once when this many updates were applied since it was last stored (bounds the log a
 *     load replays after the snapshot)
 * @param inboundBytesPerSecond bytes one socket may send per second, sustained (burst four messages of
 *     {@code maxMessageBytes}); beyond it the socket is read more slowly, not closed (docs/rooms.md, "Core classes and
 *     threading")
 */
public record RoomLimits(
        int maxMessageBytes,
        long documentQuotaBytes,
        int maxMessagesBeforeAuthentication,
        Duration authenticationTimeout,
        int maxAwarenessStateBytes,
        int maxAwarenessEntries,
        int maxAwarenessClientsPerSession,
        double awarenessPerSecond,
        double messagesPerSecond,
        int messageBurst,
        int maxDocumentsPerSocket,
        int maxDocumentNameLength,
        Duration unloadGrace,
        int maxSocketsPerUser,
        double syncRequestsPerSecond,
        Duration storeDebounce,
        Duration storeMaxDebounce,
        int storeMaxUpdates,
        long inboundBytesPerSecond) {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    public static final long DEFAULT_DOCUMENT_QUOTA_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_MAX_MESSAGES_BEFORE_AUTHENTICATION = 64;
    public static final Duration DEFAULT_AUTHENTICATION_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_AWARENESS_STATE_BYTES = 8 * 1024;
    public static final int DEFAULT_MAX_AWARENESS_ENTRIES = 256;
    public static final int DEFAULT_MAX_AWARENESS_CLIENTS_PER_SESSION = 4;
    public static final double DEFAULT_AWARENESS_PER_SECOND = 30;
    public static final double DEFAULT_MESSAGES_PER_SECOND = 500;
    public static final int DEFAULT_MESSAGE_BURST = 2000;
    public static final int DEFAULT_MAX_DOCUMENTS_PER_SOCKET = 16;
    public static final int DEFAULT_MAX_DOCUMENT_NAME_LENGTH = 64;
    public static final Duration DEFAULT_UNLOAD_GRACE = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_SOCKETS_PER_USER = 32;
    public static final double DEFAULT_SYNC_REQUESTS_PER_SECOND = 5;
    public static final Duration DEFAULT_STORE_DEBOUNCE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_STORE_MAX_DEBOUNCE = Duration.ofSeconds(10);
    public static final int DEFAULT_STORE_MAX_UPDATES = 500;
    /** Far above typing, pasting and a first sync (those fit the burst); a flood is slowed to this. */
    public static final long DEFAULT_INBOUND_BYTES_PER_SECOND = 1024 * 1024;

    public static RoomLimits defaults() {
        return new RoomLimits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_DOCUMENT_QUOTA_BYTES,
                DEFAULT_MAX_MESSAGES_BEFORE_AUTHENTICATION, DEFAULT_AUTHENTICATION_TIMEOUT,
                DEFAULT_MAX_AWARENESS_STATE_BYTES, DEFAULT_MAX_AWARENESS_ENTRIES,
                DEFAULT_MAX_AWARENESS_CLIENTS_PER_SESSION, DEFAULT_AWARENESS_PER_SECOND, DEFAULT_MESSAGES_PER_SECOND,
                DEFAULT_MESSAGE_BURST, DEFAULT_MAX_DOCUMENTS_PER_SOCKET, DEFAULT_MAX_DOCUMENT_NAME_LENGTH,
                DEFAULT_UNLOAD_GRACE, DEFAULT_MAX_SOCKETS_PER_USER, DEFAULT_SYNC_REQUESTS_PER_SECOND,
                DEFAULT_STORE_DEBOUNCE, DEFAULT_STORE_MAX_DEBOUNCE, DEFAULT_STORE_MAX_UPDATES,
                DEFAULT_INBOUND_BYTES_PER_SECOND);
    }


    /** These limits with a shorter or longer unload grace (tests). */
    public RoomLimits withUnloadGrace(Duration unloadGrace) {
        return new Changed(this).unloadGrace(unloadGrace).limits();
    }

    /** These limits with another authentication timeout (tests). */
    public RoomLimits withAuthenticationTimeout(Duration authenticationTimeout) {
        return new Changed(this).authenticationTimeout(authenticationTimeout).limits();
    }

    /** These limits with another document quota (tests). */
    public RoomLimits withDocumentQuotaBytes(long documentQuotaBytes) {
        return new Changed(this).documentQuotaBytes(documentQuotaBytes).limits();
    }

    /** These limits with another cap on one person's sockets (tests). */
    public RoomLimits withMaxSocketsPerUser(int maxSocketsPerUser) {
        return new Changed(this).maxSocketsPerUser(maxSocketsPerUser).limits();
    }

    /** These limits with another rate of sync requests (tests). */
    public RoomLimits withSyncRequestsPerSecond(double syncRequestsPerSecond) {
        return new Changed(this).syncRequestsPerSecond(syncRequestsPerSecond).limits();
    }

    /** These limits with another inbound byte rate per socket (tests, benchmarks). */
    public RoomLimits withInboundBytesPerSecond(long inboundBytesPerSecond) {
        return new Changed(this).inboundBytesPerSecond(inboundBytesPerSecond).limits();
    }

    /** These limits with another store debounce (tests). */
    public RoomLimits withStoreDebounce(Duration debounce, Duration maxDebounce, int maxUpdates) {
        return new Changed(this).storeDebounce(debounce, maxDebounce, maxUpdates).limits();
    }

    /** A copy of some limits with a few changed: the one place that lists every field for a copy. */
    private static final class Changed {
        private final RoomLimits l;
        private Duration unloadGrace;
        private Duration authenticationTimeout;
        private long documentQuotaBytes;
        private int maxSocketsPerUser;
        private double syncRequestsPerSecond;
        private Duration storeDebounce;
        private Duration storeMaxDebounce;
        private int storeMaxUpdates;
        private long inboundBytesPerSecond;

        Changed(RoomLimits l) {
            this.l = l;
            unloadGrace = l.unloadGrace;
            authenticationTimeout = l.authenticationTimeout;
            documentQuotaBytes = l.documentQuotaBytes;
            maxSocketsPerUser = l.maxSocketsPerUser;
            syncRequestsPerSecond = l.syncRequestsPerSecond;
            storeDebounce = l.storeDebounce;
            storeMaxDebounce = l.storeMaxDebounce;
            storeMaxUpdates = l.storeMaxUpdates;
            inboundBytesPerSecond = l.inboundBytesPerSecond;
        }

        Changed inboundBytesPerSecond(long v) {
            inboundBytesPerSecond = v;
            return this;
        }

        Changed unloadGrace(Duration v) {
            unloadGrace = v;
            return this;
        }

        Changed authenticationTimeout(Duration v) {
            authenticationTimeout = v;
            return this;
        }

        Changed documentQuotaBytes(long v) {
            documentQuotaBytes = v;
            return this;
        }

        Changed maxSocketsPerUser(int v) {
            maxSocketsPerUser = v;
            return this;
        }

        Changed syncRequestsPerSecond(double v) {
            syncRequestsPerSecond = v;
            return this;
        }

        Changed storeDebounce(Duration debounce, Duration maxDebounce, int maxUpdates) {
            storeDebounce = debounce;
            storeMaxDebounce = maxDebounce;
            storeMaxUpdates = maxUpdates;
            return this;
        }

        RoomLimits limits() {
            return new RoomLimits(l.maxMessageBytes, documentQuotaBytes, l.maxMessagesBeforeAuthentication,
                    authenticationTimeout, l.maxAwarenessStateBytes, l.maxAwarenessEntries,
                    l.maxAwarenessClientsPerSession, l.awarenessPerSecond, l.messagesPerSecond, l.messageBurst,
                    l.maxDocumentsPerSocket, l.maxDocumentNameLength, unloadGrace, maxSocketsPerUser,
                    syncRequestsPerSecond, storeDebounce, storeMaxDebounce, storeMaxUpdates, inboundBytesPerSecond);
        }
    }
}
