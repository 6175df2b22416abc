package eu.vetnet.rooms.room;

import eu.vetnet.rooms.core.CloseCodes;
import eu.vetnet.rooms.hook.AccessDeniedException;
import eu.vetnet.rooms.hook.AuthenticatePayload;
import eu.vetnet.rooms.hook.HookPriority;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import java.util.concurrent.CompletionStage;

/** Resolves the authenticated user's role in the room from its access list; refuses unknown rooms and documents. */
public final class RoomAccessHook implements RoomHook {

    private final RoomStore store;

    public RoomAccessHook(RoomStore store) {
        this.store = store;
    }

    @Override
    public int priority() {
        return HookPriority.ACCESS;
    }

    @Override
    public CompletionStage<Void> onAuthenticate(AuthenticatePayload payload) {
        RoomUser user = payload.context().user();
        if (user == null) {
            throw new AccessDeniedException(CloseCodes.UNAUTHORIZED,
                    "no valid token: send a bearer token in the Authorization header or the auth message");
        }
        return store.find(payload.roomId()).thenAccept(room -> {
            if (room == null) {
                throw new AccessDeniedException(CloseCodes.NOT_FOUND, "no room " + payload.roomId() + ": create it with POST /api/rooms");
            }
            if (room.archived()) {
                throw new AccessDeniedException(CloseCodes.FORBIDDEN, "room " + room.id() + " is archived");
            }
            if (!room.documents().contains(payload.documentName())) {
                throw new AccessDeniedException(CloseCodes.NOT_FOUND, "room " + room.id() + " has no document "
                        + payload.documentName() + "; it has " + room.documents());
            }
            RoomRole role = roleFor(room, user, payload.documentName());
            if (role == null) {
                throw new AccessDeniedException(CloseCodes.FORBIDDEN, "you are not on the access list of room " + room.id()
                        + ": ask its owner or a facilitator to add you");
            }
            payload.context().role(role);
        });
    }

    /** The user's role for one document of the room (participants only read its read-only documents), or null. */
    public static RoomRole roleFor(RoomRecord room, RoomUser user, String document) {
        if (room.archived()) {
            return null;
        }
        RoomRole role = roleOf(room, user);
        if (role == RoomRole.PARTICIPANT && room.readOnlyDocuments().contains(document)) {
            return RoomRole.OBSERVER;
        }
        return role;
    }

    /** The user's role in the room, or null. */
    public static RoomRole roleOf(RoomRecord room, RoomUser user) {
        AccessList a = room.access();
        if (user.hasRole("admin") || (a.owner() != null && user.isNamedBy(a.owner()))
                || a.facilitators().stream().anyMatch(user::isNamedBy)) {
            return RoomRole.FACILITATOR;
        }
        boolean participant = a.participants().stream().anyMatch(user::isNamedBy);
        boolean observer = a.observers().stream().anyMatch(user::isNamedBy);
        if (room.kind() == RoomKind.DIALOGUE_SESSION && user.hasRole("policymaker") && (participant || observer)) {
            return RoomRole.OBSERVER; // policymakers observe dialogue sessions unless made facilitators
        }
        if (participant) {
            return RoomRole.PARTICIPANT;
        }
        return observer ? RoomRole.OBSERVER : null;
    }
}
