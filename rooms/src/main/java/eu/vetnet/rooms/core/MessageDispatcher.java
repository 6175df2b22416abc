package eu.vetnet.rooms.core;

import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.rooms.hook.AccessDeniedException;
import eu.vetnet.rooms.hook.AuthContext;
import eu.vetnet.rooms.hook.AuthenticatePayload;
import eu.vetnet.rooms.hook.DisconnectPayload;
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
        switch (s.state) {
            case AUTHENTICATING -> {
                if (++c.messagesBeforeAuthentication > server.limits().maxMessagesBeforeAuthentication()) {
                    c.close(CloseCodes.TOO_LARGE, "more than " + server.limits().maxMessagesBeforeAuthentication()
                            + " messages before authentication");
                    return;
                }
                s.queued.add(in);
            }
            case OPEN -> handle(s, in);
            default -> {
                // refused or closed: dropped
            }
        }
    }

    private void handle(DocumentSession s, Incoming in) {
        RoomDocument d = s.document;
        if (in instanceof Incoming.Sync sync) {
            if (sync.message() instanceof SyncMessage.Step1 step1) {
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
        String bearer = token == null || token.isEmpty() ? c.headerToken : token;
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
                    if (c.isClosed() || s.state != DocumentSession.State.AUTHENTICATING) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return room.open(document);
                }, room.lane)
                .whenCompleteAsync((doc, err) -> {
                    if (c.isClosed() || s.state != DocumentSession.State.AUTHENTICATING || c.sessions.get(document) != s) {
                        return;
                    }
                    if (err != null) {
                        refuse(c, document, s, err);
                    } else {
                        open(s, doc, context);
                    }
                }, room.lane);
    }

    private void open(DocumentSession s, RoomDocument doc, AuthContext context) {
        ClientConnection c = s.connection();
        s.document = doc;
        s.user = context.user();
        s.role = context.role();
        s.state = DocumentSession.State.OPEN;
        if (!c.authenticatedOnce) {
            c.authenticatedOnce = true;
            if (c.deadline != null) {
                c.deadline.cancel(false);
            }
        }
        Instant expires = s.user.expiresAt();
        if (expires != null) {
            long delay = Math.max(0, Duration.between(Instant.now(), expires).toMillis());
            server.timer().schedule(() -> c.room.lane.execute(() -> {
                if (c.sessions.get(s.name()) == s && s.isOpen()) {
                    c.close(CloseCodes.UNAUTHORIZED, "token expired: reconnect with a fresh one");
                }
            }), delay, TimeUnit.MILLISECONDS);
        }
        s.send(c.protocol.authenticated(s.name(), !s.writable()));
        doc.join(s);
        while (!s.queued.isEmpty() && s.isOpen() && !c.isClosed()) {
            handle(s, s.queued.poll());
        }
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
            log.warn("refusing {} of room {}: {}", document, c.room.id(), reason, cause.getCause());
        } else {
            code = CloseCodes.INTERNAL_ERROR;
            reason = "the server failed to open " + document;
            log.error("refusing {} of room {}", document, c.room.id(), cause);
        }
        if (s != null) {
            s.state = DocumentSession.State.REFUSED;
            s.queued.clear();
        }
        if (c.protocol.multiplexed() && code != CloseCodes.TRY_AGAIN_LATER && code != CloseCodes.INTERNAL_ERROR) {
            // One Hocuspocus socket may carry other documents: refuse this one only.
            c.send(c.protocol.permissionDenied(document, reason));
        } else {
            c.close(code, reason);
        }
    }

    void leave(DocumentSession s) {
        DocumentSession.State was = s.state;
        s.state = DocumentSession.State.CLOSED;
        s.queued.clear();
        if (was == DocumentSession.State.OPEN && s.document != null) {
            s.document.leave(s);
            server.hooks().notifyAll(h -> h.onDisconnect(new DisconnectPayload(s.connection().room.id(), s.name(), s.user())));
        }
    }
}
