package eu.vetnet.rooms.auth;

import eu.vetnet.rooms.core.CloseCodes;
import eu.vetnet.rooms.hook.AccessDeniedException;
import eu.vetnet.rooms.hook.AuthenticatePayload;
import eu.vetnet.rooms.hook.HookPriority;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.RoomUser;
import java.util.concurrent.CompletionStage;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Validates the bearer token against the OIDC issuer's JWKS (signature, expiry, issuer) and turns it into a
 * {@link RoomUser}; realm roles come from {@code realm_access.roles}, as Keycloak and the built-in issuer write them.
 */
public final class JwtAuthenticationHook implements RoomHook {

    private final ReactiveJwtDecoder decoder;

    public JwtAuthenticationHook(ReactiveJwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public int priority() {
        return HookPriority.AUTHENTICATION;
    }

    @Override
    public CompletionStage<Void> onAuthenticate(AuthenticatePayload payload) {
        if (payload.token() == null || payload.token().isBlank()) {
            throw new AccessDeniedException(CloseCodes.UNAUTHORIZED,
                    "no token: the gateway sends it as 'Authorization: Bearer', a Hocuspocus provider in its auth message");
        }
        return decoder.decode(payload.token())
                .onErrorMap(e -> new AccessDeniedException(CloseCodes.UNAUTHORIZED, "invalid token: " + e.getMessage()))
                .doOnNext(jwt -> payload.context().user(JwtUsers.toUser(jwt)))
                .then()
                .toFuture();
    }
}
