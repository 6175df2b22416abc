package eu.vetnet.identity.admin;

import eu.vetnet.identity.Role;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The directory when no Keycloak is configured: every call answers 503 and says why. */
final class UnconfiguredUserDirectory implements UserDirectory {

    static final String REASON = "no Keycloak is configured: the built-in issuer's demo users are fixed. "
            + "Set VETNET_OIDC_ISSUER_URI (vetnet.oidc.issuer-uri), e.g. http://localhost:8180/realms/vetnet, to manage users";

    @Override
    public List<ManagedUser> list(int first, int max) {
        throw unavailable();
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

    private static AdminApiException unavailable() {
        return new AdminApiException(HttpStatus.SERVICE_UNAVAILABLE, REASON);
    }
}
