package eu.vetnet.rooms.room;

import eu.vetnet.rooms.core.CloseCodes;
import eu.vetnet.rooms.hook.AccessDeniedException;
import eu.vetnet.rooms.hook.AuthenticatePayload;
import eu.vetnet.rooms.hook.HookPriority;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.privatenotes.PrivateNotes;
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
            if (!room.documents().contains(payload.documentName()) && !PrivateNotes.isPrivate(payload.documentName())) {
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

    /**
     * The user's role for one document of the room, or null: participants only read its read-only documents, and in
     * a dialogue session an observer has a seat with a voice (docs/rooms.md, "Roles and permissions"): a participant
     * of the {@link RoomKind#VOICE_DOCUMENT}, where its policy lets them ask, answer, upvote and vote, and a reader of
     * everything else. Whether a seat may also edit the board is the facilitator's choice: list the person as a
     * participant.
     */
    public static RoomRole roleFor(RoomRecord room, RoomUser user, String document) {
        if (room.archived()) {
            return null;
        }
        RoomRole role = roleOf(room, user);
        if (PrivateNotes.isPrivate(document)) {
            // Only its owner opens a private document (and, read-only, facilitators where the room says so). Its owner writes it as a
            // participant (the board's rules: own notes) while they may write in the room, and only reads it when made
            // an observer: their open room keeps working, their notes stay theirs.
            if (role == null) {
                return null;
            }
            if (!document.equals(PrivateNotes.documentOf(user.id()))) {
                // Someone else's: closed, unless the room lets its facilitators read private notes (never write them).
                return role == RoomRole.FACILITATOR && room.facilitatorsSeePrivateNotes() ? RoomRole.OBSERVER : null;
            }
            return role.writes() ? RoomRole.PARTICIPANT : RoomRole.OBSERVER;
        }
        if (role == RoomRole.PARTICIPANT && room.readOnlyDocuments().contains(document)) {
            return RoomRole.OBSERVER;
        }
        if (role == RoomRole.OBSERVER && room.kind().givesObserversAVoice() && RoomKind.VOICE_DOCUMENT.equals(document)) {
            return RoomRole.PARTICIPANT;
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
        // The list says it: the server never turns a listed participant into an observer behind the facilitator's back.
        if (a.participants().stream().anyMatch(user::isNamedBy)) {
            return RoomRole.PARTICIPANT;
        }
        return a.observers().stream().anyMatch(user::isNamedBy) ? RoomRole.OBSERVER : null;
    }
}
