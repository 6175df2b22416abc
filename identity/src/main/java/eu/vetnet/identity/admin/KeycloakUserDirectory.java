package eu.vetnet.identity.admin;

import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetJwtConverter;
import eu.vetnet.identity.api.ApiException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.http.HttpStatus;

/** The {@link UserDirectory} of a Keycloak realm, through keycloak-admin-client. */
public final class KeycloakUserDirectory implements UserDirectory {

    private static final java.util.regex.Pattern UUID_SHAPE = java.util.regex.Pattern.compile("[0-9a-fA-F-]{36}");

    private final Keycloak keycloak;
    private final String realm;

    public KeycloakUserDirectory(Keycloak keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    @Override
    public List<ManagedUser> list(int first, int max) {
        return call(() -> realm().users().list(first, max).stream().map(u -> toManaged(u, realm().users().get(u.getId()))).toList());
    }

    @Override
    public List<DirectoryPerson> search(String text, int max) {
        return call(() -> realm().users().search(text, 0, max, true).stream()
                .filter(u -> !Boolean.FALSE.equals(u.isEnabled())).map(KeycloakUserDirectory::person).toList());
    }

    @Override
    public List<DirectoryPerson> lookup(List<String> usernamesOrIds) {
        return call(() -> {
            List<DirectoryPerson> found = new ArrayList<>();
            for (String entry : usernamesOrIds) {
                List<UserRepresentation> byName = realm().users().search(entry, true);
                if (!byName.isEmpty()) {
                    found.add(person(byName.get(0)));
                } else if (UUID_SHAPE.matcher(entry).matches()) {
                    try {
                        found.add(person(realm().users().get(entry).toRepresentation()));
                    } catch (jakarta.ws.rs.NotFoundException gone) {
                        // no such id: left out, as the contract says
                    }
                }
            }
            return found;
        });
    }

    private static DirectoryPerson person(UserRepresentation u) {
        return DirectoryPerson.of(u.getId(), u.getUsername(), u.getFirstName(), u.getLastName());
    }

    @Override
    public ManagedUser create(NewUser user) {
        return call(() -> {
            UserRepresentation rep = new UserRepresentation();
            rep.setUsername(user.username());
            rep.setFirstName(user.firstName());
            rep.setLastName(user.lastName());
            rep.setEmail(user.email());
            rep.setEnabled(true);
            rep.setEmailVerified(user.email() != null);
            if (user.password() != null) {
                CredentialRepresentation password = new CredentialRepresentation();
                password.setType(CredentialRepresentation.PASSWORD);
                password.setValue(user.password());
                password.setTemporary(false);
                rep.setCredentials(List.of(password));
            }
            String id;
            try (Response response = realm().users().create(rep)) {
                if (response.getStatus() == 409) {
                    throw new ApiException(HttpStatus.CONFLICT, "user '" + user.username() + "' or its email exists already", "choose another username, or find the existing user");
                }
                id = CreatedResponseUtil.getCreatedId(response);
            }
            if (!user.roles().isEmpty()) {
                realm().users().get(id).roles().realmLevel().add(user.roles().stream().map(this::roleRepresentation).toList());
            }
            if (user.organisation() != null) {
                setOrganisation(id, user.organisation());
            }
            return get(id);
        });
    }

    @Override
    public ManagedUser grantRole(String userId, Role role) {
        return call(() -> {
            realm().users().get(userId).roles().realmLevel().add(List.of(roleRepresentation(role)));
            return get(userId);
        });
    }

    @Override
    public ManagedUser revokeRole(String userId, Role role) {
        return call(() -> {
            realm().users().get(userId).roles().realmLevel().remove(List.of(roleRepresentation(role)));
            return get(userId);
        });
    }

    @Override
    public void delete(String userId) {
        call(() -> {
            try (jakarta.ws.rs.core.Response response = realm().users().delete(userId)) {
                int status = response.getStatus();
                if (status != 204 && status != 404) {
                    throw new jakarta.ws.rs.WebApplicationException(response);
                }
                return null;
            }
        });
    }

    @Override
    public ManagedUser setOrganisation(String userId, String organisation) {
        return call(() -> {
            UserResource user = realm().users().get(userId);
            String wanted = organisation == null ? null : VetnetJwtConverter.ORGANISATIONS_GROUP + organisation;
            GroupRepresentation target = null;
            if (wanted != null) {
                try {
                    target = realm().getGroupByPath(wanted);
                } catch (jakarta.ws.rs.NotFoundException e) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, "no organisation '" + organisation + "'",
                            "create the group " + wanted + " in the realm first", e);
                }
            }
            for (GroupRepresentation group : user.groups()) {
                if (group.getPath() != null && group.getPath().startsWith(VetnetJwtConverter.ORGANISATIONS_GROUP)
                        && !group.getPath().equals(wanted)) {
                    user.leaveGroup(group.getId());
                }
            }
            if (target != null) {
                user.joinGroup(target.getId());
            }
            return get(userId);
        });
    }

    private ManagedUser get(String id) {
        UserResource user = realm().users().get(id);
        return toManaged(user.toRepresentation(), user);
    }

    private ManagedUser toManaged(UserRepresentation rep, UserResource user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (RoleRepresentation role : user.roles().realmLevel().listAll()) {
            Role.fromClaimValue(role.getName()).ifPresent(roles::add);
        }
        List<String> paths = new ArrayList<>();
        user.groups().forEach(g -> paths.add(g.getPath()));
        String organisation = VetnetJwtConverter.organisation(paths.stream().filter(java.util.Objects::nonNull).toList());
        return new ManagedUser(rep.getId(), rep.getUsername(), rep.getFirstName(), rep.getLastName(), rep.getEmail(),
                Boolean.TRUE.equals(rep.isEnabled()), organisation, roles);
    }

    private RoleRepresentation roleRepresentation(Role role) {
        return realm().roles().get(role.claimValue()).toRepresentation();
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (jakarta.ws.rs.NotFoundException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Keycloak has no such user, role or group: " + e.getMessage(), "reload the list: it may have been removed", e);
        } catch (jakarta.ws.rs.ForbiddenException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Keycloak refused the admin client",
                    "give its service account the realm-management roles view-users, manage-users, query-users, query-groups, view-realm", e);
        } catch (WebApplicationException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Keycloak answered " + e.getResponse().getStatus()
                    + ": " + e.getMessage(), "see Keycloak's log for why", e);
        } catch (jakarta.ws.rs.ProcessingException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Keycloak cannot be reached: " + e.getMessage(), "try again once Keycloak is up", e);
        }
    }
}
