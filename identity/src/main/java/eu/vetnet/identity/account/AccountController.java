package eu.vetnet.identity.account;

import eu.vetnet.identity.admin.UserDirectory;
import eu.vetnet.identity.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/account?confirm={username}}: the last step of deleting one's account (docs/identity.md,
 * "Deleting an account"), after the community and room servers put a pseudonym in the person's place: the sign-in
 * account itself goes from Keycloak. The built-in issuer's demo accounts stay (409, saying so).
 */
@RestController
class AccountController {

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);

    private final UserDirectory directory;

    AccountController(UserDirectory directory) {
        this.directory = directory;
    }

    @DeleteMapping("/api/account")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String confirm) {
        String username = jwt.getClaimAsString("preferred_username");
        if (confirm == null || !confirm.equalsIgnoreCase(username)) {
            throw ApiException.badRequest("the deletion was not confirmed", "send confirm=" + username + " (your username)");
        }
        directory.delete(jwt.getSubject());
        log.info("account {} deleted from the identity provider at its owner's request", jwt.getSubject());
        return ResponseEntity.noContent().build();
    }
}
