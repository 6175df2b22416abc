package eu.vetnet.rooms.core;

import eu.vetnet.rooms.hook.AccessDeniedException;
import eu.vetnet.rooms.hook.AuthenticatePayload;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletionStage;

/**
 * Stands in for the JWT and access-list hooks in core tests: the token {@code user|ROLE|doc=ROLE,...|exp=MILLIS}
 * names the user, the default role, per-document roles (NONE refuses the document) and, optionally, when the token
 * expires (epoch milliseconds). {@link #renewals} counts the renewals it was asked about.
 */
final class TokenHook implements RoomHook {

    final AtomicInteger renewals = new AtomicInteger();

    @Override
    public CompletionStage<Void> onAuthenticate(AuthenticatePayload p) {
        if (p.token() == null || p.token().isEmpty()) {
            throw new AccessDeniedException(CloseCodes.UNAUTHORIZED, "no token");
        }
        String[] parts = p.token().split("\\|");
        String role = parts.length > 1 ? parts[1] : "PARTICIPANT";
        Instant expires = null;
        for (int i = 2; i < parts.length; i++) {
            if (parts[i].startsWith("exp=")) {
                expires = Instant.ofEpochMilli(Long.parseLong(parts[i].substring(4)));
                continue;
            }
            for (String kv : parts[i].split(",")) {
                String[] e = kv.split("=");
                if (e[0].equals(p.documentName())) {
                    role = e[1];
                }
            }
        }
        if (expires != null && !expires.isAfter(Instant.now())) {
            throw new AccessDeniedException(CloseCodes.UNAUTHORIZED, "token expired");
        }
        if (p.renewal()) {
            renewals.incrementAndGet();
        }
        p.context().user(new RoomUser(parts[0], parts[0], parts[0] + " name", Set.of(), expires));
        if (!role.equals("NONE")) {
            p.context().role(RoomRole.valueOf(role));
        }
        return DONE;
    }
}
