package eu.vetnet.rooms.policy;

import eu.vetnet.rooms.room.AccessList;
import eu.vetnet.rooms.room.RoomKind;
import java.util.List;
import java.util.Set;

/**
 * The people of every adversarial room and how the room lists them: an owner, a facilitator, an admin who is on no
 * list, three participants, two observers, a policymaker listed as participant (a participant in every kind of room),
 * a facilitator kept for the liveness check of the read-only document. Their expected role per document comes from
 * docs/rooms.md's table ({@link RulesOracle#role}), not from the server's access hook.
 */
final class Cast {

    static final String OWNER = "olga";
    static final List<String> FACILITATORS = List.of("fabio", "fiona");
    static final List<String> PARTICIPANTS = List.of("alice", "bob", "carla", "paula");
    static final List<String> OBSERVERS = List.of("oscar", "otto");
    /** Everyone, by user id; {@code adam} is an admin by realm role and on no list. */
    static final List<String> USERS = List.of("olga", "fabio", "fiona", "adam", "alice", "bob", "carla", "paula", "oscar", "otto");
    /** Who attacks, with weights: mostly participants, also facilitators (board content) and observers. */
    static final List<String> ATTACKERS = List.of("alice", "alice", "alice", "bob", "bob", "bob", "paula", "otto", "otto",
            "fabio", "fabio", "adam", "olga");
    static final List<String> DOCUMENTS = List.of("board", "board", "board", "workshop", "workshop", "workshop", "notes",
            "notes", "ideas", "handout");
    /** Participants only read it (readOnlyDocuments). */
    static final String READ_ONLY = "handout";

    private Cast() {
    }

    static AccessList access() {
        return new AccessList(OWNER, FACILITATORS, PARTICIPANTS, OBSERVERS);
    }

    static String token(String user) {
        return switch (user) {
            case "adam" -> "adam|admin";
            case "paula" -> "paula|policymaker";
            default -> user;
        };
    }

    static Set<String> realmRoles(String user) {
        return switch (user) {
            case "adam" -> Set.of("admin");
            case "paula" -> Set.of("policymaker");
            default -> Set.of();
        };
    }

    static RulesOracle.Role role(String user, RoomKind kind, String document) {
        return RulesOracle.role(user, realmRoles(user), kind == RoomKind.DIALOGUE_SESSION, OWNER, FACILITATORS,
                PARTICIPANTS, OBSERVERS, document, READ_ONLY.equals(document));
    }
}
