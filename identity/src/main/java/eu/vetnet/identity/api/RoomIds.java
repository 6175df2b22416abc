package eu.vetnet.identity.api;

/**
 * A room id as the room server makes them, the one rule for every room another server records (a case's room, a
 * community's session, a course's live session): an id, never a link or markup. The room server, not this check,
 * decides who may enter.
 */
public final class RoomIds {

    private RoomIds() {
    }

    public static String require(String field, String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ApiException.badRequest(field + " '" + id + "' is not a room id", "the id the room server answered when the room was created (its link ends with it)");
        }
        return id;
    }
}
