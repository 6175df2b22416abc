package eu.vetnet.identity.admin;

import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetJwtConverter;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.identity.issuer.DemoUser;
import eu.vetnet.identity.issuer.DemoUsers;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * The directory when no Keycloak is configured: the built-in issuer's demo users, to read and search (so that the
 * admin area and the people picker work in development); every change answers 503 and says why.
 */
final class BuiltInUserDirectory implements UserDirectory {

    static final String REASON = "no Keycloak is configured: the built-in issuer's demo users are fixed";
    static final String FIX = "set VETNET_OIDC_ISSUER_URI (vetnet.oidc.issuer-uri), e.g. http://localhost:8180/realms/vetnet, to manage users";

    @Override
    public String readOnlyReason() {
        return REASON + ": " + FIX;
    }

    @Override
    public List<ManagedUser> list(int first, int max) {
        return DemoUsers.ALL.stream().sorted(java.util.Comparator.comparing(DemoUser::username)).skip(first).limit(max)
                .map(BuiltInUserDirectory::managed).toList();
    }

    @Override
    public List<DirectoryPerson> search(String text, int max) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return DemoUsers.ALL.stream()
                .filter(u -> List.of(u.username(), u.firstName(), u.lastName(), u.email()).stream()
                        .anyMatch(field -> field.toLowerCase(Locale.ROOT).contains(wanted)))
                .limit(max).map(BuiltInUserDirectory::person).toList();
    }

    @Override
    public List<DirectoryPerson> lookup(List<String> usernamesOrIds) {
        return usernamesOrIds.stream()
                .map(entry -> DemoUsers.ALL.stream().filter(u -> u.username().equals(entry) || u.subject().equals(entry)).findFirst())
                .flatMap(java.util.Optional::stream).map(BuiltInUserDirectory::person).toList();
    }

    @Override
    public ManagedUser create(NewUser user) {
        throw unavailable();
    }

    @Override
    public ManagedUser grantRole(String userId, Role role) {
        throw unavailable();
    }

    @Override
    public ManagedUser revokeRole(String userId, Role role) {
        throw unavailable();
    }

    @Override
    public ManagedUser setOrganisation(String userId, String organisation) {
        throw unavailable();
    }

    private static DirectoryPerson person(DemoUser u) {
        return DirectoryPerson.of(u.subject(), u.username(), u.firstName(), u.lastName());
    }

    private static ManagedUser managed(DemoUser u) {
        return new ManagedUser(u.subject(), u.username(), u.firstName(), u.lastName(), u.email(), true,
                VetnetJwtConverter.organisation(u.groups()), EnumSet.of(u.role()));
    }

    @Override
    public void delete(String userId) {
        throw new ApiException(HttpStatus.CONFLICT, "the built-in issuer's demo accounts cannot be deleted",
                "with Keycloak (production mode) the sign-in account goes too; here only the VET-NET data was deleted");
    }

    private static ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, REASON, FIX);
    }
}
