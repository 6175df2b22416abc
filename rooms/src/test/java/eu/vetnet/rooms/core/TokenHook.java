package eu.vetnet.rooms.core;

import eu.vetnet.rooms.hook.AccessDeniedException;
import eu.vetnet.rooms.hook.AuthenticatePayload;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Stands in for the JWT and access-list hooks in core tests: the token {@code user|ROLE|doc=ROLE,...} names
 * the user, the default role and per-document roles (NONE refuses the document).
 */
final class TokenHook implements RoomHook {

    @Override
    public CompletionStage<Void> onAuthenticate(AuthenticatePayload p) {
        if (p.token() == null || p.token().isEmpty()) {
            throw new AccessDeniedException(CloseCodes.UNAUTHORIZED, "no token");
        }
        String[] parts = p.token().split("\\|");
        String role = parts.length > 1 ? parts[1] : "PARTICIPANT";
        if (parts.length > 2) {
            for (String kv : parts[2].split(",")) {
                String[] e = kv.split("=");
                if (e[0].equals(p.documentName())) {
                    role = e[1];
                }
            }
        }
        p.context().user(new RoomUser(parts[0], parts[0], parts[0] + " name", Set.of(), null));
        if (!role.equals("NONE")) {
            p.context().role(RoomRole.valueOf(role));
        }
        return DONE;
    }
}
