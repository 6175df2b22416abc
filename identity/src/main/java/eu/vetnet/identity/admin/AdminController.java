package eu.vetnet.identity.admin;

import eu.vetnet.identity.Role;
import eu.vetnet.identity.api.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/users}: the admin role manages users, roles and organisations (Keycloak; the built-in issuer's demo users are read only). */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final UserDirectory directory;

    AdminController(UserDirectory directory) {
        this.directory = directory;
    }

    /** What the admin area may do here: change users (Keycloak) or only read them (the built-in issuer), and why. */
    record DirectoryInfo(boolean editable, String reason) {
    }

    @GetMapping("/directory")
    DirectoryInfo directory() {
        String reason = directory.readOnlyReason();
        return new DirectoryInfo(reason == null, reason);
    }

    @GetMapping("/users")
    List<ManagedUser> list(@RequestParam(defaultValue = "0") int first, @RequestParam(defaultValue = "100") int max) {
        return directory.list(Math.max(0, first), Math.min(Math.max(1, max), 500));
    }

    @PostMapping("/users")
    ResponseEntity<ManagedUser> create(@RequestBody NewUser user) {
        if (user.username() == null || user.username().isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "a new user needs a 'username'", "send {\"username\": ...} with the other fields");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(directory.create(user));
    }

    @PutMapping("/users/{id}/roles/{role}")
    ManagedUser grant(@PathVariable String id, @PathVariable String role) {
        return directory.grantRole(id, role(role));
    }

    @DeleteMapping("/users/{id}/roles/{role}")
    ManagedUser revoke(@PathVariable String id, @PathVariable String role) {
        return directory.revokeRole(id, role(role));
    }

    /** Body {@code {"organisation": "northfield-vet-college"}}; null or missing leaves every organisation. */
    @PutMapping("/users/{id}/organisation")
    ManagedUser organisation(@PathVariable String id, @RequestBody OrganisationChange change) {
        return directory.setOrganisation(id, change.organisation());
    }

    record OrganisationChange(String organisation) {
    }

    private static Role role(String name) {
        return Role.fromClaimValue(name).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                "no role '" + name + "'", "use one of participant, facilitator, policymaker, admin"));
    }
}
