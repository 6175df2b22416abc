package eu.vetnet.rooms.room;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.policy.StatementRules;
import eu.vetnet.rooms.privatenotes.PrivateNotes;
import java.util.Locale;

/**
 * A room as one person reads it: the record, and {@code yourRole} in it as the server resolves it (facilitator,
 * participant, observer), so that no client states the role rules a second time, and the name of the reader's
 * private document (docs/dialogue.md, "Private ideation"; its socket says whether they may write it now), and the
 * {@link Rules} the app shows.
 */
public record RoomView(@JsonUnwrapped RoomRecord room, String yourRole, String yourPrivateDocument, Rules rules) {

    /**
     * The room's rules the app shows before anyone hits them, from their one definition on the server: whether an
     * observer here holds a seat with a voice ({@link RoomKind#givesObserversAVoice}), how long a statement may be
     * ({@link StatementRules#MAX_TEXT}).
     */
    public record Rules(boolean observersHaveAVoice, int statementMaxLength) {
    }

    static RoomView of(RoomRecord room, RoomUser user) {
        RoomRole role = RoomAccessHook.roleOf(room, user);
        String own = PrivateNotes.documentOf(user.id());
        return new RoomView(room, role == null ? null : role.name().toLowerCase(Locale.ROOT),
                RoomAccessHook.roleFor(room, user, own) == null ? null : own,
                new Rules(room.kind().givesObserversAVoice(), StatementRules.MAX_TEXT));
    }
}
