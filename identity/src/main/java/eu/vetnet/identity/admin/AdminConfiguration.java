package eu.vetnet.identity.admin;

import eu.vetnet.identity.IdentityException;
import java.net.URI;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin API's directory: Keycloak's when {@code vetnet.oidc.issuer-uri} names a Keycloak realm, else the built-in issuer's demo users (read only). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakAdminProperties.class)
public class AdminConfiguration {

    @Bean
    UserDirectory userDirectory(@Value("${vetnet.oidc.issuer-uri:}") String issuer, KeycloakAdminProperties properties) {
        if (issuer.isBlank()) {
            return new BuiltInUserDirectory();
        }
        RealmLocation location = RealmLocation.of(issuer);
        // The client fetches its token lazily, on the first call: this server starts before Keycloak does.
        Keycloak keycloak = KeycloakBuilder.builder()
                .serverUrl(location.serverUrl())
                .realm(location.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.getClientId())
                .clientSecret(properties.getClientSecret())
                .build();
        return new KeycloakUserDirectory(keycloak, location.realm());
    }

    /** A Keycloak issuer URI split into server URL and realm: {@code https://sso/realms/vetnet}. */
    record RealmLocation(String serverUrl, String realm) {

        static RealmLocation of(String issuer) {
            String path = URI.create(issuer).getPath();
            int at = path.lastIndexOf("/realms/");
            if (at < 0 || at + 8 >= path.length()) {
                throw new IdentityException("vetnet.oidc.issuer-uri '" + issuer
                        + "' is not a Keycloak realm URL (https://host[/prefix]/realms/<realm>)");
            }
            String realm = path.substring(at + 8).replaceAll("/+$", "");
            return new RealmLocation(issuer.substring(0, issuer.indexOf(path) + at), realm);
        }
    }
}
