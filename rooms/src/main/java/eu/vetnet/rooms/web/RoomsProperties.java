package eu.vetnet.rooms.web;

import eu.vetnet.rooms.core.RoomLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.rooms.*}: the room server's knobs, each with a default for the embedded run (docs/rooms.md). */
@ConfigurationProperties("vetnet.rooms")
public class RoomsProperties {

    private final Auth auth = new Auth();
    private final Limits limits = new Limits();
    /** Origins a browser upgrade may come from; upgrades without an Origin (non-browser clients) pass. */
    private List<String> allowedOrigins = new ArrayList<>(List.of("http://localhost:8080"));
    /** Bytes that may wait to be sent to one socket before it is closed as too slow (1008); above the document quota. */
    private long maxQueuedBytesPerSocket = 64L * 1024 * 1024;
    /** Threads the room lanes run on. */
    private int workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());

    public Auth getAuth() {
        return auth;
    }

    public Limits getLimits() {
        return limits;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public long getMaxQueuedBytesPerSocket() {
        return maxQueuedBytesPerSocket;
    }

    public void setMaxQueuedBytesPerSocket(long maxQueuedBytesPerSocket) {
        this.maxQueuedBytesPerSocket = maxQueuedBytesPerSocket;
    }

    public int getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    /** The OIDC issuer whose tokens the server accepts. */
    public static class Auth {
        /** Issuer ({@code iss}) the tokens must carry; also where the JWKS is discovered when no jwk-set-uri is set. */
        private String issuerUri = "http://localhost:8090";
        /** The issuer's JWKS; read lazily, so the server starts before the issuer does. */
        private String jwkSetUri;
        /** The audience access tokens must carry (the realm's audience mapper; the gateway checks the same one). */
        private String audience = eu.vetnet.identity.AccessTokenValidators.DEFAULT_AUDIENCE;

        public String getAudience() {
            return audience;
        }

        public void setAudience(String audience) {
            this.audience = audience;
        }

        public String getIssuerUri() {
            return issuerUri;
        }

        public void setIssuerUri(String issuerUri) {
            this.issuerUri = issuerUri;
        }

        public String getJwkSetUri() {
            return jwkSetUri;
        }

        public void setJwkSetUri(String jwkSetUri) {
            this.jwkSetUri = jwkSetUri;
        }
    }

    /** See {@link RoomLimits} for what each cap means. */
    public static class Limits {
        private int maxMessageBytes = RoomLimits.DEFAULT_MAX_MESSAGE_BYTES;
        private long documentQuotaBytes = RoomLimits.DEFAULT_DOCUMENT_QUOTA_BYTES;
        private int maxMessagesBeforeAuthentication = RoomLimits.DEFAULT_MAX_MESSAGES_BEFORE_AUTHENTICATION;
        private Duration authenticationTimeout = RoomLimits.DEFAULT_AUTHENTICATION_TIMEOUT;
        private int maxAwarenessStateBytes = RoomLimits.DEFAULT_MAX_AWARENESS_STATE_BYTES;
        private int maxAwarenessEntries = RoomLimits.DEFAULT_MAX_AWARENESS_ENTRIES;
        private int maxAwarenessClientsPerSession = RoomLimits.DEFAULT_MAX_AWARENESS_CLIENTS_PER_SESSION;
        private double awarenessPerSecond = RoomLimits.DEFAULT_AWARENESS_PER_SECOND;
        private double messagesPerSecond = RoomLimits.DEFAULT_MESSAGES_PER_SECOND;
        private int messageBurst = RoomLimits.DEFAULT_MESSAGE_BURST;
        private int maxDocumentsPerSocket = RoomLimits.DEFAULT_MAX_DOCUMENTS_PER_SOCKET;
        private int maxDocumentNameLength = RoomLimits.DEFAULT_MAX_DOCUMENT_NAME_LENGTH;
        private Duration unloadGrace = RoomLimits.DEFAULT_UNLOAD_GRACE;
        private int maxSocketsPerUser = RoomLimits.DEFAULT_MAX_SOCKETS_PER_USER;
        private double syncRequestsPerSecond = RoomLimits.DEFAULT_SYNC_REQUESTS_PER_SECOND;
        private Duration storeDebounce = RoomLimits.DEFAULT_STORE_DEBOUNCE;
        private Duration storeMaxDebounce = RoomLimits.DEFAULT_STORE_MAX_DEBOUNCE;
        private int storeMaxUpdates = RoomLimits.DEFAULT_STORE_MAX_UPDATES;
        private long inboundBytesPerSecond = RoomLimits.DEFAULT_INBOUND_BYTES_PER_SECOND;

        public RoomLimits toLimits() {
            return new RoomLimits(maxMessageBytes, documentQuotaBytes, maxMessagesBeforeAuthentication,
                    authenticationTimeout, maxAwarenessStateBytes, maxAwarenessEntries, maxAwarenessClientsPerSession,
                    awarenessPerSecond, messagesPerSecond, messageBurst, maxDocumentsPerSocket, maxDocumentNameLength,
                    unloadGrace, maxSocketsPerUser, syncRequestsPerSecond, storeDebounce, storeMaxDebounce,
                    storeMaxUpdates, inboundBytesPerSecond);
        }

        public Duration getStoreDebounce() { return storeDebounce; }
        public void setStoreDebounce(Duration v) { storeDebounce = v; }
        public Duration getStoreMaxDebounce() { return storeMaxDebounce; }
        public void setStoreMaxDebounce(Duration v) { storeMaxDebounce = v; }
        public int getStoreMaxUpdates() { return storeMaxUpdates; }
        public void setStoreMaxUpdates(int v) { storeMaxUpdates = v; }

        public long getInboundBytesPerSecond() { return inboundBytesPerSecond; }
        public void setInboundBytesPerSecond(long v) { inboundBytesPerSecond = v; }

        public int getMaxSocketsPerUser() { return maxSocketsPerUser; }
        public void setMaxSocketsPerUser(int v) { maxSocketsPerUser = v; }
        public double getSyncRequestsPerSecond() { return syncRequestsPerSecond; }
        public void setSyncRequestsPerSecond(double v) { syncRequestsPerSecond = v; }

        public int getMaxMessageBytes() { return maxMessageBytes; }
        public void setMaxMessageBytes(int v) { maxMessageBytes = v; }
        public long getDocumentQuotaBytes() { return documentQuotaBytes; }
        public void setDocumentQuotaBytes(long v) { documentQuotaBytes = v; }
        public int getMaxMessagesBeforeAuthentication() { return maxMessagesBeforeAuthentication; }
        public void setMaxMessagesBeforeAuthentication(int v) { maxMessagesBeforeAuthentication = v; }
        public Duration getAuthenticationTimeout() { return authenticationTimeout; }
        public void setAuthenticationTimeout(Duration v) { authenticationTimeout = v; }
        public int getMaxAwarenessStateBytes() { return maxAwarenessStateBytes; }
        public void setMaxAwarenessStateBytes(int v) { maxAwarenessStateBytes = v; }
        public int getMaxAwarenessEntries() { return maxAwarenessEntries; }
        public void setMaxAwarenessEntries(int v) { maxAwarenessEntries = v; }
        public int getMaxAwarenessClientsPerSession() { return maxAwarenessClientsPerSession; }
        public void setMaxAwarenessClientsPerSession(int v) { maxAwarenessClientsPerSession = v; }
        public double getAwarenessPerSecond() { return awarenessPerSecond; }
        public void setAwarenessPerSecond(double v) { awarenessPerSecond = v; }
        public double getMessagesPerSecond() { return messagesPerSecond; }
        public void setMessagesPerSecond(double v) { messagesPerSecond = v; }
        public int getMessageBurst() { return messageBurst; }
        public void setMessageBurst(int v) { messageBurst = v; }
        public int getMaxDocumentsPerSocket() { return maxDocumentsPerSocket; }
        public void setMaxDocumentsPerSocket(int v) { maxDocumentsPerSocket = v; }
        public int getMaxDocumentNameLength() { return maxDocumentNameLength; }
        public void setMaxDocumentNameLength(int v) { maxDocumentNameLength = v; }
        public Duration getUnloadGrace() { return unloadGrace; }
        public void setUnloadGrace(Duration v) { unloadGrace = v; }
    }
}
