package eu.vetnet.identity.admin;

/**
 * A person as a facilitator's people picker sees them: enough to recognise and invite, not the e-mail address
 * (a search matches it, the answer does not repeat it).
 */
public record DirectoryPerson(String id, String username, String name) {

    /** The display name from first and last name, else the username (the same rule as a room's, docs/rooms.md). */
    public static DirectoryPerson of(String id, String username, String firstName, String lastName) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return new DirectoryPerson(id, username, name.isEmpty() ? username : name);
    }
}
