package eu.vetnet.identity.api;

/**
 * A room id as the room server makes them, the one rule for every room another server records (a case's room, a
 * community's session, a course's live session): an id, never a link or markup. The room server, not this check,
 * decides who may enter. A room template's id has one rule here too ({@link #requireTemplate}).
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

    /**
     * A template id as the app names them ({@code skillsGap}): the room server records it on a room, a programme's
     * module names the one its live sessions start from; what a template holds is the app's (docs/frontend.md, "Templates").
     */
    public static String requireTemplate(String field, String template) {
        if (template == null || !template.matches("[A-Za-z][A-Za-z0-9]{0,31}")) {
            throw ApiException.badRequest("invalid " + field + ": " + template,
                    "use the template's id, 1 to 32 letters and digits (such as skillsGap), or leave it out");
        }
        return template;
    }
}
