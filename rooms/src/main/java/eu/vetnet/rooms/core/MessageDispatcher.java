package eu.vetnet.rooms.core;

import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.rooms.hook.AccessDeniedException;
import eu.vetnet.rooms.hook.AuthContext;
import eu.vetnet.rooms.hook.AuthenticatePayload;
import eu.vetnet.rooms.hook.SessionPayload;
import eu.vetnet.rooms.protocol.Incoming;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each frame of a connection and routes it to the document session it names: authentication,
 * queueing before it, sync, awareness. Runs on the room's lane.
 */
final class MessageDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);
    static final Pattern DOCUMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final RoomServer server;

    MessageDispatcher(RoomServer server) {
        this.server = server;
    }

    void dispatch(ClientConnection c, byte[] frame) {
        Incoming in;
        try {
            if (frame.length == 0) {
                throw new DecodingException("empty frame");
            }
            in = c.protocol.read(frame, c.fixedDocument, server.limits().maxDocumentNameLength());
        } catch (DecodingException e) {
            c.close(CloseCodes.BAD_MESSAGE, "undecodable message: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            c.close(CloseCodes.BAD_MESSAGE, "undecodable message: " + e);
            return;
        }
        if (in instanceof Incoming.Auth auth) {
            authenticate(c, auth.document(), auth.token());
            return;
        }
        DocumentSession s = c.sessions.get(in.document());
        if (s == null) {
            // Hocuspocus: a message for a document this socket has not opened (or just closed): nothing to do.
            return;
        }
        switch (s.state()) {
            case AUTHENTICATING -> {
                if (++c.messagesBeforeAuthentication > server.limits().maxMessagesBeforeAuthentication()) {
                    c.close(CloseCodes.TOO_LARGE, "more than " + server.limits().maxMessagesBeforeAuthentication()
                            + " messages before authentication");
                    return;
                }
                s.hold(in);
            }
            case OPEN -> handle(s, in);
            default -> {
                // refused or closed: dropped
            }
        }
    }

    private void handle(DocumentSession s, Incoming in) {
        RoomDocument d = s.document();
        if (in instanceof Incoming.Sync sync) {
            if (sync.message() instanceof SyncMessage.Step1 step1) {
                if (!s.syncRequests.tryAcquire()) {
                    return; // each answer encodes what the client lacks: a client asking this often gets no more
                }
                d.answerStep1(s, step1.stateVector());
            } else {
                d.write(s, sync.message().payload());
            }
        } else if (in instanceof Incoming.Awareness a) {
            d.awareness(s, a.update());
        } else if (in instanceof Incoming.QueryAwareness) {
            d.queryAwareness(s);
        } else if (in instanceof Incoming.Close) {
            s.connection().sessions.remove(s.name());
            leave(s);
        }
        // Stateless from clients and server-only types: accepted, nothing to do.
    }

    /** Opens {@code document} on the connection: hooks decide who the user is and their role; then load and join. */
    void authenticate(ClientConnection c, String document, String token) {
        if (!DOCUMENT_NAME.matcher(document).matches()) {
            refuse(c, document, null, new AccessDeniedException(CloseCodes.NOT_FOUND,
                    "document names are letters, digits, '.', '_' and '-': " + document));
            return;
        }
        if (!c.sessions.containsKey(document) && c.sessions.size() >= server.limits().maxDocumentsPerSocket()) {
            c.close(CloseCodes.TOO_LARGE, "more than " + server.limits().maxDocumentsPerSocket() + " documents on one socket");
            return;
        }
        DocumentSession previous = c.sessions.remove(document);
        if (previous != null) {
            leave(previous);
        }
        DocumentSession s = new DocumentSession(c, document, server.limits());
        c.sessions.put(document, s);
        // The gateway's identity wins: a token a browser puts in the auth message never replaces it.
        String bearer = c.headerToken != null ? c.headerToken : token;
        AuthContext context = new AuthContext();
        Room room = c.room;
        server.hooks().chain(h -> h.onAuthenticate(new AuthenticatePayload(room.id(), document, bearer, context)))
                .thenComposeAsync(v -> {
                    if (context.user() == null) {
                        throw new AccessDeniedException(CloseCodes.UNAUTHORIZED,
                                "no valid token: send a bearer token in the Authorization header or the auth message");
                    }
                    if (context.role() == null) {
                        throw new AccessDeniedException(CloseCodes.FORBIDDEN, "you are not on the access list of room " + room.id());
                    }
                    if (c.isClosed() || !s.isAuthenticating()) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return room.openForSession(document);
                }, room.lane)
                .whenCompleteAsync((doc, err) -> {
                    if (c.isClosed() || !s.isAuthenticating() || c.sessions.get(document) != s) {
                        return;
                    }
                    if (err != null) {
                        refuse(c, document, s, err);
                    } else {
                        open(s, doc, context);
                        if (c.headerToken != null && !c.headerToken.equals(bearer)) {
                            renew(c, c.headerToken); // a renewal arrived while this document was being opened
                        }
                    }
                }, room.lane);
    }

    private void open(DocumentSession s, RoomDocument doc, AuthContext context) {
        ClientConnection c = s.connection();
        if (c.countedUser == null) {
            if (!server.admitSocket(context.user().id())) {
                c.close(CloseCodes.TOO_MANY_MESSAGES, "you hold " + server.limits().maxSocketsPerUser()
                        + " sockets on this server already: close other tabs or devices");
                return;
            }
            c.countedUser = context.user().id();
        }
        s.open(doc, context.user(), context.role());
        if (!c.authenticatedOnce) {
            c.authenticatedOnce = true;
            if (c.deadline != null) {
                c.deadline.cancel(false);
            }
        }
        scheduleExpiry(s);
        s.send(c.protocol.authenticated(s.name(), !s.writable()));
        doc.join(s);
        server.hooks().notifyAll(h -> h.onJoined(new SessionPayload(c.room.id(), s.name(), s.user(), s.role())));
        for (Incoming held = s.nextHeld(); held != null && s.isOpen() && !c.isClosed(); held = s.nextHeld()) {
            handle(s, held);
        }
    }

    /**
     * A refreshed token for this socket (docs/rooms.md, "Token renewal"): every open document is checked again with
     * it through the same hooks as a join. The same user keeps the socket with the token's new expiry; a token that
     * does not validate or names someone else closes it (4401), a lost access 4403, a changed role 1008 (reconnect
     * with the new role). On the lane.
     */
    void renew(ClientConnection c, String token) {
        DocumentSession[] open = c.sessions.values().stream().filter(DocumentSession::isOpen).toArray(DocumentSession[]::new);
        if (open.length == 0) {
            c.headerToken = token; // checked when a document is opened with it
            return;
        }
        for (DocumentSession s : open) {
            AuthContext context = new AuthContext();
            server.hooks().chain(h -> h.onAuthenticate(new AuthenticatePayload(c.room.id(), s.name(), token, context, true)))
                    .whenCompleteAsync((v, err) -> {
                        if (c.isClosed() || c.sessions.get(s.name()) != s || !s.isOpen()) {
                            return;
                        }
                        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                        if (cause instanceof AccessDeniedException denied) {
                            c.close(denied.closeCode(), "renewed token refused: " + denied.getMessage());
                        } else if (cause != null) {
                            log.warn("renewing {} failed", s, cause);
                            c.close(CloseCodes.TRY_AGAIN_LATER, "the server could not check the renewed token: reconnect");
                        } else if (context.user() == null || !context.user().id().equals(s.user().id())) {
                            c.close(CloseCodes.UNAUTHORIZED, "a renewed token must be for the user the socket belongs to");
                        } else if (context.role() == null) {
                            c.close(CloseCodes.FORBIDDEN, "you are not on the access list of room " + c.room.id());
                        } else if (context.role() != s.role()) {
                            c.close(CloseCodes.POLICY_VIOLATION, "your role in room " + c.room.id() + " changed to "
                                    + context.role().name().toLowerCase() + ": reconnect");
                        } else {
                            c.headerToken = token;
                            s.renewed(context.user());
                            scheduleExpiry(s);
                        }
                    }, c.room.lane);
        }
    }

    /** Closes the connection (4401) when the session's token expires, unless a renewal comes first. */
    private void scheduleExpiry(DocumentSession s) {
        s.cancelExpiry();
        Instant expires = s.user().expiresAt();
        if (expires == null) {
            return;
        }
        ClientConnection c = s.connection();
        long delay = Math.max(0, Duration.between(Instant.now(), expires).toMillis());
        s.expireWith(server.timer().schedule(() -> c.room.lane.execute(() -> {
            if (c.sessions.get(s.name()) != s || !s.isOpen()) {
                return;
            }
            if (s.user().expiresAt().isAfter(Instant.now())) {
                scheduleExpiry(s); // renewed meanwhile, or the timer ran ahead of the wall clock
            } else {
                c.close(CloseCodes.UNAUTHORIZED, "token expired: reconnect with a fresh one");
            }
        }), delay, TimeUnit.MILLISECONDS));
    }

    private void refuse(ClientConnection c, String document, DocumentSession s, Throwable err) {
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        int code;
        String reason;
        if (cause instanceof AccessDeniedException denied) {
            code = denied.closeCode();
            reason = denied.getMessage();
        } else if (cause instanceof eu.vetnet.rooms.RoomException) {
            code = CloseCodes.TRY_AGAIN_LATER;
            reason = cause.getMessage();
            Throwable why = cause.getCause() instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : cause.getCause();
            if (why == null || why instanceof eu.vetnet.rooms.RoomException) {
                // A refusal the server meant (a lease held elsewhere, Redis away, history away): one line, no trace.
                log.warn("refusing {} of room {}: {}{}", document, c.room.id(), reason, why == null ? "" : " (" + why.getMessage() + ")");
            } else {
                log.warn("refusing {} of room {}: {}", document, c.room.id(), reason, why);
            }
        } else {
            code = CloseCodes.INTERNAL_ERROR;
            reason = "the server failed to open " + document;
            log.error("refusing {} of room {}", document, c.room.id(), cause);
        }
        if (s != null) {
            s.refuse();
        }
        if (c.protocol.multiplexed() && code != CloseCodes.TRY_AGAIN_LATER && code != CloseCodes.INTERNAL_ERROR) {
            // One Hocuspocus socket may carry other documents: refuse this one only.
            c.send(c.protocol.permissionDenied(document, reason));
        } else {
            c.close(code, reason);
        }
    }

    void leave(DocumentSession s) {
        if (s.close() && s.document() != null) {
            s.document().leave(s);
            server.hooks().notifyAll(h -> h.onLeft(new SessionPayload(s.connection().room.id(), s.name(), s.user(), s.role())));
        }
    }
}
