package eu.vetnet.community.people;

import eu.vetnet.community.web.CurrentUser;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.api.ApiException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code DELETE /api/community/me?confirm={username}}: the person deletes their account's community data
 * (docs/community.md, "Deleting an account"). Their username, typed again, is the confirmation: a stray request
 * deletes nothing. Asking again after a cut-short deletion finishes it under the same pseudonym.
 */
@RestController
public class AccountDeletionController {

    private final AccountDeletion deletion;

    public AccountDeletionController(AccountDeletion deletion) {
        this.deletion = deletion;
    }

    @DeleteMapping("/api/community/me")
    public Mono<AccountDeletion.Deleted> delete(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String confirm) {
        VetnetUser user = CurrentUser.of(jwt);
        if (confirm == null || !confirm.equalsIgnoreCase(user.username())) {
            throw ApiException.badRequest("the deletion was not confirmed", "send confirm=" + user.username() + " (your username) to delete your account");
        }
        return Mono.defer(() -> Mono.fromCompletionStage(deletion.delete(user)));
    }
}
