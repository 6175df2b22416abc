package eu.vetnet.identity.admin;

import eu.vetnet.identity.Role;
import java.util.List;

/** The users of the platform as an administrator manages them. Blocking: call it from a servlet thread. */
public interface UserDirectory {

    /** Why users cannot be changed here, or null when they can. */
    default String readOnlyReason() {
        return null;
    }

    /** Users in username order, {@code max} at most from {@code first}. */
    List<ManagedUser> list(int first, int max);

    /** Up to {@code max} enabled users whose username, first or last name or e-mail contains {@code text} (any case). */
    List<DirectoryPerson> search(String text, int max);

    /** The users named by these usernames or ids, in that order; names nobody has are left out. */
    List<DirectoryPerson> lookup(List<String> usernamesOrIds);

    /** Creates the user (enabled, with the given password if any) and returns it with its new id. */
    ManagedUser create(NewUser user);

    /** Adds the realm role; granting a role the user holds changes nothing. */
    ManagedUser grantRole(String userId, Role role);

    /** Removes the realm role. */
    ManagedUser revokeRole(String userId, Role role);

    /** Deletes the account (the person asked to, docs/identity.md "Deleting an account"); deleting it again changes nothing. */
    void delete(String userId);

    /** Makes the user a member of {@code /organisations/<organisation>} only; null leaves every organisation. */
    ManagedUser setOrganisation(String userId, String organisation);
}
