package eu.vetnet.identity.production;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.identity.IdentityApplication;
import eu.vetnet.identity.IdentityException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The real identity server refuses to start in production mode with its development defaults. */
class ProductionStartupTests {

    @Test
    void aPublicBuiltInIssuerWithDemoUsersDoesNotStart() {
        Throwable failure = assertThrows(Throwable.class, () -> new SpringApplicationBuilder(IdentityApplication.class)
                .run("--server.port=0", "--vetnet.identity.issuer.issuer-uri=https://id.example.org").close());

        IdentityException cause = rootIdentityException(failure);
        assertTrue(cause.getMessage().contains("Set VETNET_OIDC_ISSUER_URI"), cause.getMessage());
        assertTrue(cause.getMessage().contains("Set VETNET_KEYCLOAK_ADMIN_CLIENT_SECRET"), cause.getMessage());
    }

    private static IdentityException rootIdentityException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IdentityException e) {
                return e;
            }
        }
        throw new AssertionError("no IdentityException in the start failure", failure);
    }
}
